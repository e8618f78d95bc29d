package io.ccatrace.trace.parquet;

import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.factory.DefaultV1ValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;

/**
 * Encodings per column: DELTA_BINARY_PACKED for the increasing counters (seq, time,
 * cause_seq), parquet-java's v1 defaults (dictionary, falling back to plain) elsewhere. Used
 * with v1 data pages, whose definition levels are compressed along with the values: that is
 * what makes the many mostly-null columns nearly free.
 */
final class TraceValuesWriters implements ValuesWriterFactory {
    private static final Set<String> DELTA = Set.of("seq", "time", "cause_seq");

    private final DefaultV1ValuesWriterFactory defaults = new DefaultV1ValuesWriterFactory();
    private ParquetProperties props;

    @Override
    public void initialize(ParquetProperties properties) {
        props = properties;
        defaults.initialize(properties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor d) {
        if (d.getPath().length == 1 && DELTA.contains(d.getPath()[0])) {
            return new DeltaBinaryPackingValuesWriterForLong(props.getInitialSlabSize(),
                    props.getPageSizeThreshold(), props.getAllocator());
        }
        return defaults.newValuesWriter(d);
    }
}
