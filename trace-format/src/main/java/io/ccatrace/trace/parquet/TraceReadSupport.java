package io.ccatrace.trace.parquet;

import io.ccatrace.trace.TraceEvent;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Reads ccatrace Parquet rows as {@link TraceEvent}s (all columns). */
final class TraceReadSupport extends ReadSupport<TraceEvent> {
    @Override
    public ReadContext init(InitContext context) {
        return new ReadContext(ParquetSchema.SCHEMA);
    }

    @Override
    public RecordMaterializer<TraceEvent> prepareForRead(Configuration conf, Map<String, String> keyValueMetaData,
                                                         MessageType fileSchema, ReadContext readContext) {
        return new TraceMaterializer();
    }
}
