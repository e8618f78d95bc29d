package io.ccatrace.trace.parquet;

import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Opens a ccatrace Parquet file: reads the footer, checks format version and schema, and
 * checks every column chunk lies inside the file (so a corrupt footer cannot make the
 * reader allocate for data that is not there).
 */
final class ParquetFooter {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private ParquetFooter() {
    }

    static ParquetFileReader open(Path path) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        return open(path, conf, new ZstdPageCodecs(conf), new ChunkBuffers());
    }

    /**
     * As {@link #open(Path)}, decompressing pages with codecs made with conf. Column chunks are
     * read straight into arrays of the chunks pool, used again once the caller closes the row
     * group they belong to.
     */
    static ParquetFileReader open(Path path, PlainParquetConfiguration conf, ZstdPageCodecs codecs, ChunkBuffers chunks)
            throws IOException {
        String file = path.toString();
        long size = Files.size(path);
        if (size == 0) throw new TraceFormatException(file + ": empty file");
        checkMagic(path, file, size);
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new ChannelInputFile(path),
                    ParquetReadOptions.builder(conf).withCodecFactory(codecs).withAllocator(chunks).build());
        } catch (IOException | RuntimeException e) {
            throw new TraceFormatException(file + ": not a readable Parquet file: " + oneLine(e), e);
        }
        try {
            check(file, size, reader);
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * A Parquet file starts and ends with "PAR1" (the footer, with the schema and every
     * chunk's offset, is written last). Checked here so a foreign or cut-off file gets a
     * message that says which, rather than parquet-java's.
     */
    static void checkMagic(Path path, String file, long size) throws IOException {
        if (size < 12) throw new TraceFormatException(file + ": not a Parquet file (" + size + " bytes; even an empty one has 12)");
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        try (FileChannel ch = FileChannel.open(path)) {
            ch.read(ByteBuffer.wrap(head), 0);
            ch.read(ByteBuffer.wrap(tail), size - 4);
        }
        if (!Arrays.equals(head, MAGIC)) throw new TraceFormatException(file + ": not a Parquet file (no PAR1 magic at byte 0)");
        if (!Arrays.equals(tail, MAGIC)) {
            throw new TraceFormatException(file + ": truncated Parquet file: no footer (no PAR1 magic in its last 4 bytes;"
                    + " a Parquet recording cut short before it closed cannot be read, an .arrows recording can)");
        }
    }

    private static void check(String file, long size, ParquetFileReader reader) throws TraceFormatException {
        TraceMetadata m = metadata(reader);
        FormatVersion.check(file, m, true);
        String bad = ParquetSchema.mismatch(reader.getFooter().getFileMetaData().getSchema());
        if (bad != null) throw new TraceFormatException(file + ": not a ccatrace v1 Parquet schema: " + bad);
        for (BlockMetaData b : reader.getRowGroups()) {
            if (b.getRowCount() < 0) throw new TraceFormatException(file + ": corrupt footer: negative row count");
            for (ColumnChunkMetaData c : b.getColumns()) {
                long start = c.getStartingPos();
                long len = c.getTotalSize();
                if (start < 0 || len < 0 || start + len > size) {
                    throw new TraceFormatException(file + ": corrupt footer: column chunk " + c.getPath()
                            + " lies outside the file");
                }
            }
        }
    }

    static TraceMetadata metadata(ParquetFileReader reader) {
        Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
        return new TraceMetadata(kv == null ? Map.of() : kv);
    }

    /** What went wrong, in one line without Java class names or object identities (as every reader says it). */
    static String oneLine(Throwable e) {
        return VerifyingReader.describe(e);
    }
}
