package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.parquet.ParquetSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign, empty and too-new files: one TraceFormatException whose message names the file. */
class BadInputTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @TempDir
    Path dir;

    private String failure(Path p) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceFiles.open(p, w -> { })) {
                while (r.hasNext()) r.next();
            }
        });
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void pngUnderEveryExtension() throws IOException {
        for (String ext : List.of(".arrows", ".parquet", ".jsonl")) {
            Path p = dir.resolve("image" + ext);
            Files.write(p, PNG);
            failure(p);
        }
    }

    @Test
    void emptyFiles() throws IOException {
        for (String ext : List.of(".arrows", ".parquet")) {
            Path p = dir.resolve("empty" + ext);
            Files.write(p, new byte[0]);
            assertTrue(failure(p).contains("empty file"));
        }
    }

    @Test
    void anotherArrowSchema() throws IOException {
        Path p = dir.resolve("other.arrows");
        Schema s = new Schema(List.of(new Field("x", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        try (RootAllocator a = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(s, a);
             FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             ArrowStreamWriter w = new ArrowStreamWriter(root, null, ch)) {
            w.start();
            ((BigIntVector) root.getVector(0)).allocateNew(1);
            ((BigIntVector) root.getVector(0)).set(0, 42);
            root.setRowCount(1);
            w.writeBatch();
            w.end();
        }
        assertTrue(failure(p).contains("not a ccatrace trace"));
    }

    @Test
    void foreignParquet() throws IOException {
        Path p = dir.resolve("other.parquet");
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int64 id; }");
        try (var w = ExampleParquetWriter.builder(new LocalOutputFile(p)).withType(schema)
                .withConf(new PlainParquetConfiguration()).build()) {
            w.write(new SimpleGroupFactory(schema).newGroup().append("id", 7L));
        }
        assertTrue(failure(p).contains("not a ccatrace trace"));
    }

    private static TraceMetadata newer() {
        return TraceMetadata.empty().with(TraceMetadata.FORMAT_VERSION, "4").with(TraceMetadata.MIN_READER_VERSION, "4");
    }

    @Test
    void newerFormatVersion() throws IOException {
        Path a = dir.resolve("new.arrows");
        new ArrowStreamSink(a, newer(), new RootAllocator()).finish(TraceMetadata.empty());
        assertTrue(failure(a).contains("needs a reader of format 4"), failure(a));
        Path q = dir.resolve("new.parquet");
        new ParquetSink(q, newer()).finish(TraceMetadata.empty());
        assertTrue(failure(q).contains("needs a reader of format 4"), failure(q));
        Path j = dir.resolve("new.jsonl");
        Files.writeString(j, "{\"metadata\":{\"ccatrace.format_version\":\"4\",\"ccatrace.min_reader_version\":\"4\"}}\n");
        assertTrue(failure(j).contains("needs a reader of format 4"), failure(j));
    }

    /** Parquet's footer is written last (format spec: "PAR1" at both ends): a cut-off file has none. */
    @Test
    void truncatedParquetSaysSoAndNamesNoObject() throws IOException {
        Path whole = dir.resolve("whole.parquet");
        new ParquetSink(whole, TraceMetadata.empty()).finish(TraceMetadata.empty());
        byte[] bytes = Files.readAllBytes(whole);
        for (int cut : new int[] {bytes.length - 1, bytes.length / 2, 12}) {
            Path p = dir.resolve("cut" + cut + ".parquet");
            Files.write(p, java.util.Arrays.copyOf(bytes, cut));
            String m = failure(p);
            assertTrue(m.contains("truncated Parquet file: no footer"), m);
            assertFalse(m.matches(".*@[0-9a-f]{5,}.*"), "an object identity leaked into: " + m);
        }
        Path tiny = dir.resolve("tiny.parquet");
        Files.write(tiny, java.util.Arrays.copyOf(bytes, 7));
        assertTrue(failure(tiny).contains("not a Parquet file (7 bytes"), failure(tiny));
    }

    @Test
    void unknownExtension() {
        Path p = dir.resolve("trace.csv");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceFiles.open(p));
        assertEquals(p + ": unknown trace file extension (use .arrows, .parquet or .jsonl)", e.getMessage());
    }
}
