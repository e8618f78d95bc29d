package io.ccatrace.trace.parquet;

import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;

/** Test fixture: a Parquet writer with row groups of a given size (the product's are 2^20 rows). */
public final class SmallGroupSink {
    private SmallGroupSink() {
    }

    /** A sink whose row groups hold groupRows rows (pages of at most 4,096). */
    public static RowSink of(Path path, TraceMetadata header, int groupRows) throws IOException {
        return new ParquetSink(path, header, Math.min(4096, groupRows), groupRows, LongLeaf.MAX_DICTIONARY,
                BytesLeaf.MAX_DICTIONARY_BYTES);
    }
}
