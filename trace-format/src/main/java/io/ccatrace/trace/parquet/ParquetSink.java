package io.ccatrace.trace.parquet;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes a trace as Parquet: ZSTD pages, v1 data pages (levels compressed with the values),
 * DELTA_BINARY_PACKED for seq, time and cause_seq, dictionaries for names and clustered
 * addresses, row groups of {@link #ROW_GROUP_ROWS} rows, metadata in the footer.
 */
public final class ParquetSink implements RowSink {
    /** Rows per row group: large enough for scans, bounded memory while writing. */
    public static final int ROW_GROUP_ROWS = 1 << 20;

    private final TraceWriteSupport support;
    private final ParquetWriter<TraceEvent> writer;
    private TraceEvent held;

    public ParquetSink(Path path, TraceMetadata header) throws IOException {
        Files.deleteIfExists(path);
        support = new TraceWriteSupport(header);
        writer = new Builder(new LocalOutputFile(path), support)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                .withDictionaryEncoding("seq", false)
                .withDictionaryEncoding("time", false)
                .withDictionaryEncoding("cause_seq", false)
                .withDictionaryEncoding("payload", false)
                .withDictionaryEncoding("chain", false)
                .withRowGroupRowCountLimit(ROW_GROUP_ROWS)
                .withRowGroupSize(256L << 20)
                .withPageSize(1 << 20)
                .withSizeStatisticsEnabled(false)
                .withPageWriteChecksumEnabled(false)
                .encodings(new TraceValuesWriters())
                .build();
    }

    @Override
    public void write(EventView e) throws IOException {
        if (held != null) {
            support.checkpoint(null);
            writer.write(held);
        }
        held = e.toEvent();
    }

    @Override
    public void checkpoint(byte[] value) throws IOException {
        support.checkpoint(value);
        writer.write(held);
        held = null;
    }

    @Override
    public void finish(TraceMetadata end) throws IOException {
        if (held != null) {
            support.checkpoint(null);
            writer.write(held);
        }
        held = null;
        support.end(end);
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<TraceEvent, Builder> {
        private final TraceWriteSupport support;

        Builder(LocalOutputFile file, TraceWriteSupport support) {
            super(file);
            this.support = support;
        }

        /**
         * Installs our values-writer factory. parquet-java (1.18) has no public builder
         * method for it, so the builder's encoding properties are reached reflectively.
         */
        Builder encodings(TraceValuesWriters factory) {
            try {
                java.lang.reflect.Field f = ParquetWriter.Builder.class.getDeclaredField("encodingPropsBuilder");
                f.setAccessible(true);
                ((ParquetProperties.Builder) f.get(this)).withValuesWriterFactory(factory);
                return this;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("parquet-java changed: cannot set the values writer factory", e);
            }
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<TraceEvent> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<TraceEvent> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }
}
