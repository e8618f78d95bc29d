package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceVerification;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage digest (docs/trace-format.md, "Integrity chain"): written per row group by our
 * writer, checked by projected readers on the stored bytes; a mismatch leads to the event
 * chain, which alone decides whether to warn.
 */
class StorageDigestTest {
    /** 4 row groups of 8192 rows (the last shorter), chain intervals of 4096. */
    private static final int ROWS = 30_000;
    private static final int GROUP = 8192;
    /** A projection without time, the column the corruption tests change. */
    private static final Set<Column> SOME = EnumSet.of(Column.SEQ, Column.KIND, Column.CMD, Column.PA, Column.PAYLOAD);

    @TempDir
    Path dir;
    private Path file;
    private List<TraceEvent> events;

    @BeforeEach
    void write() throws IOException {
        events = ParquetPagesTest.rows(ROWS);
        file = dir.resolve("t.parquet");
        ParquetPagesTest.write(file, events, 4096, GROUP, LongLeaf.MAX_DICTIONARY);
    }

    private static List<String> projectedWarnings(Path p, boolean checkChain) throws IOException {
        List<String> w = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openCursor(p, SOME, Long.MIN_VALUE, true, checkChain, w::add)) {
            while (c.next()) {
                c.payload();
            }
        }
        return w;
    }

    @Test
    void untouchedFileMatchesAndGivesNoWarning() throws IOException {
        String key;
        try (ParquetFileReader r = ParquetFooter.open(file)) {
            key = ParquetFooter.metadata(r).get(StorageDigest.KEY);
            assertEquals(4, r.getRowGroups().size());
        }
        assertEquals(4, key.split(",").length, key);
        StorageDigest.Outcome o = StorageDigest.check(file, () -> false);
        assertTrue(o.matches(), o.toString());
        assertEquals(List.of(), projectedWarnings(file, true));
        assertTrue(TraceVerification.run(file).storage().contains("matches"));
    }

    @Test
    void flippedByteInADataPageIsWarnedWithItsRowGroupsSeqRange() throws IOException {
        ColumnChunkMetaData time = chunk(file, 2, "time");
        long at = time.getStartingPos() + time.getTotalSize() * 3 / 4;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
        StorageDigest.Outcome o = StorageDigest.check(file, () -> false);
        assertEquals(2, o.firstBad());
        long first = events.get(2 * GROUP).seq();
        assertEquals(first, o.firstSeq());
        assertEquals(events.get(3 * GROUP - 1).seq(), o.lastSeq());
        List<String> w = projectedWarnings(file, true);
        assertEquals(1, w.size(), w.toString());
        // the event chain names the first broken checkpoint interval: where in the row group
        // depends on which values the flipped byte garbles, so only its bounds are checked
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile(java.util.regex.Pattern.quote(file + ": integrity chain broken: an event in seq ") + "(\\d+)\\.\\.(\\d+) ")
                .matcher(w.get(0));
        assertTrue(m.lookingAt(), w.get(0));
        long from = Long.parseLong(m.group(1));
        long to = Long.parseLong(m.group(2));
        assertTrue(first <= from && from <= to && to <= o.lastSeq(), "inside row group 2: " + w.get(0));
        assertEquals(List.of(), projectedWarnings(file, false), "--no-check-chain does not look");
    }

    @Test
    void fileReEncodedByParquetJavaWithOurMetadataGivesNoFalseWarning() throws IOException {
        Path copy = dir.resolve("copy.parquet");
        reEncode(file, copy, true, -1);
        assertFalse(StorageDigest.check(copy, () -> false).matches(), "other bytes, other digest");
        assertEquals(List.of(), projectedWarnings(copy, true), "events and chain unchanged");
        assertTrue(TraceVerification.run(copy).intact());
    }

    @Test
    void editedValueWithTheOldChainIsWarnedThroughTheEventChain() throws IOException {
        Path copy = dir.resolve("edited.parquet");
        reEncode(file, copy, true, 10_000);
        List<String> w = projectedWarnings(copy, true);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(copy + ": integrity chain broken: an event in seq 8192..12287 differs from"
                + " what was recorded ("), w.get(0));
    }

    @Test
    void withoutTheKeyTheEventChainIsRecomputed() throws IOException {
        Path copy = dir.resolve("nokey.parquet");
        reEncode(file, copy, false, 10_000);
        try (BatchReader r = TraceFiles.openColumns(copy, SOME)) {
            assertFalse(StorageDigest.present(r.metadata()));
        }
        List<String> w = projectedWarnings(copy, true);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("integrity chain broken: an event in seq 8192..12287"), w.get(0));
        assertEquals(List.of(), projectedWarnings(copy, false));
        assertEquals(null, TraceVerification.run(copy).storage());
    }

    /** Every row of every column through {@link TraceFiles#openDigestCheckedCursor} (the replay's cursor). */
    private static List<TraceEvent> digestChecked(Path p, List<String> w, long[] taskRows, Set<Column> sparse) throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openDigestCheckedCursor(p, w::add, b -> taskRows[0] += b.size(), sparse)) {
            while (c.next()) rows.add(c.toEvent());
        }
        return rows;
    }

    @Test
    void everyColumnCheckedByDigestGivesTheRowsAndWarningsOfTheEventChainCursor() throws IOException {
        Path edited = dir.resolve("edited.parquet");
        reEncode(file, edited, true, 10_000);      // the digest no longer matches: the event chain is recomputed
        Path nokey = dir.resolve("nokey.parquet");
        reEncode(file, nokey, false, 10_000);      // no digest: the event chain is checked on the reader thread
        for (Path p : List.of(file, edited, nokey)) {
            List<String> chained = new ArrayList<>();
            List<TraceEvent> expected = new ArrayList<>();
            try (TraceCursor c = TraceFiles.openCursor(p, EnumSet.allOf(Column.class), Long.MIN_VALUE, true, chained::add)) {
                while (c.next()) expected.add(c.toEvent());
            }
            // no column, every one, and some (the replay's: all but those an input is fed from) handed over sparsely
            for (Set<Column> sparse : List.of(Set.<Column>of(), EnumSet.allOf(Column.class),
                    EnumSet.complementOf(EnumSet.of(Column.CPU, Column.FID, Column.ARGS, Column.PA, Column.PAYLOAD, Column.CMD)))) {
                List<String> w = new ArrayList<>();
                long[] taskRows = {0};
                assertEquals(expected, digestChecked(p, w, taskRows, sparse), p + ", sparse " + sparse);
                assertEquals(ROWS, taskRows[0], "the batch task ran on every batch");
                assertEquals(chained, w, p + ", sparse " + sparse);
            }
            assertEquals(ROWS, expected.size());
            List<String> w = chained;
            if (p == file) {
                assertEquals(List.of(), w);
            } else {
                // row 10,000 lies in the chain's checkpoint interval 8192..12287 (4,096 rows each)
                assertEquals(1, w.size(), w.toString());
                assertTrue(w.get(0).startsWith(p + ": integrity chain broken: an event in seq 8192..12287 differs from"), w.get(0));
            }
        }
    }

    private static ColumnChunkMetaData chunk(Path p, int group, String column) throws IOException {
        try (ParquetFileReader r = ParquetFooter.open(p)) {
            for (ColumnChunkMetaData c : r.getRowGroups().get(group).getColumns()) {
                if (c.getPath().toDotString().equals(column)) return c;
            }
        }
        throw new AssertionError("no column " + column);
    }

    /**
     * Rewrites every row, chain column included, with parquet-java's own writer (other pages,
     * other bytes), keeping our footer keys (the storage digest too, when keepKey). The row at
     * editRow (if not -1) gets another time, its stored checkpoint unchanged.
     */
    private static void reEncode(Path from, Path to, boolean keepKey, int editRow) throws IOException {
        reEncode(from, to, keepKey, editRow, CompressionCodecName.SNAPPY, 1000, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /** As {@link #reEncode(Path, Path, boolean, int)}, with the given codec, page row limit and row group size (bytes). */
    static void reEncode(Path from, Path to, boolean keepKey, int editRow, CompressionCodecName codec, int pageRows,
                         long groupBytes) throws IOException {
        Map<String, String> meta = new HashMap<>();
        SimpleGroupFactory groups = new SimpleGroupFactory(ParquetSchema.SCHEMA);
        try (BatchReader r = TraceFiles.openColumns(from, EnumSet.allOf(Column.class))) {
            meta.putAll(r.metadata().asMap());
            meta.remove("writer.model.name");
            if (!keepKey) meta.remove(StorageDigest.KEY);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(to))
                    .withConf(new PlainParquetConfiguration())
                    .withType(ParquetSchema.SCHEMA)
                    .withCompressionCodec(codec)
                    .withPageRowCountLimit(pageRows)
                    .withRowGroupSize(groupBytes)
                    .withExtraMetaData(meta)
                    .build()) {
                int row = 0;
                for (EventBatch b = r.next(); b != null; b = r.next()) {
                    for (int k = 0; k < b.size(); k++, row++) {
                        TraceEvent e = b.event(k);
                        if (row == editRow) e = e.toBuilder().time(e.time() + 1).build();
                        Group g = PageDecodersTest.group(groups, e);
                        byte[] chain = b.byteArray(Column.CHAIN, k);
                        if (chain != null) g.add("chain", Binary.fromConstantByteArray(chain));
                        w.write(g);
                    }
                }
            }
        }
        assertTrue(Files.size(to) > 0);
    }
}
