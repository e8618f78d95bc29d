package io.ccatrace.trace.parquet;

import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/**
 * Opens a ccatrace Parquet file: reads the footer, checks format version and schema, and
 * checks every column chunk lies inside the file (so a corrupt footer cannot make the
 * reader allocate for data that is not there).
 */
final class ParquetFooter {
    private ParquetFooter() {
    }

    static ParquetFileReader open(Path path) throws IOException {
        String file = path.toString();
        long size = Files.size(path);
        if (size == 0) throw new TraceFormatException(file + ": empty file");
        ParquetFileReader reader;
        try {
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            reader = ParquetFileReader.open(new LocalInputFile(path),
                    ParquetReadOptions.builder(conf).withCodecFactory(new ZstdPageCodecs(conf)).build());
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

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (e.getClass().getSimpleName() + (m == null ? "" : ": " + m)).replace('\n', ' ');
    }
}
