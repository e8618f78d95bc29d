package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes trace rows straight into Parquet's record consumer, one field call per non-null
 * column. The header goes into the footer at the start; {@link #end} adds the end keys.
 */
final class TraceWriteSupport extends WriteSupport<TraceEvent> {
    private static final Column[] COLUMNS = Column.values();

    private final TraceMetadata header;
    private final HashMap<String, Binary> names = new HashMap<>();
    private TraceMetadata end = TraceMetadata.empty();
    private RecordConsumer rc;
    private byte[] checkpoint;

    TraceWriteSupport(TraceMetadata header) {
        this.header = header;
    }

    /** The chain value of the next row written (or null). */
    void checkpoint(byte[] value) {
        checkpoint = value;
    }

    /** End-of-trace keys for the footer. */
    void end(TraceMetadata value) {
        end = value;
    }

    @Override
    public WriteContext init(Configuration conf) {
        return new WriteContext(ParquetSchema.SCHEMA, header.asMap());
    }

    @Override
    public WriteContext init(ParquetConfiguration conf) {
        return new WriteContext(ParquetSchema.SCHEMA, header.asMap());
    }

    @Override
    public String getName() {
        return "ccatrace";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        rc = recordConsumer;
    }

    @Override
    public void write(TraceEvent e) {
        rc.startMessage();
        for (int i = 0; i < COLUMNS.length; i++) {
            Column c = COLUMNS[i];
            String n = c.columnName();
            switch (c.type()) {
                case LONG:
                case INT:
                    long v = c.getLong(e);
                    if (v == TraceEvent.NULL) continue;
                    rc.startField(n, i);
                    if (c.type() == Column.Type.LONG) rc.addLong(v); else rc.addInteger((int) v);
                    rc.endField(n, i);
                    break;
                case BOOL:
                    rc.startField(n, i);
                    rc.addBoolean(e.isInput());
                    rc.endField(n, i);
                    break;
                case KIND:
                case NAME:
                    String s = c.getName(e);
                    if (s == null) continue;
                    rc.startField(n, i);
                    rc.addBinary(name(s));
                    rc.endField(n, i);
                    break;
                case LONGS:
                    long[] a = c.getLongs(e);
                    if (a == null) continue;
                    rc.startField(n, i);
                    longs(a);
                    rc.endField(n, i);
                    break;
                default:
                    byte[] b = c == Column.CHAIN ? checkpoint : e.payload();
                    if (b == null) continue;
                    rc.startField(n, i);
                    rc.addBinary(Binary.fromConstantByteArray(b));
                    rc.endField(n, i);
            }
        }
        rc.endMessage();
    }

    private void longs(long[] a) {
        rc.startGroup();
        if (a.length > 0) {
            rc.startField("list", 0);
            for (long x : a) {
                rc.startGroup();
                rc.startField("element", 0);
                rc.addLong(x);
                rc.endField("element", 0);
                rc.endGroup();
            }
            rc.endField("list", 0);
        }
        rc.endGroup();
    }

    private Binary name(String s) {
        Binary b = names.get(s);
        if (b == null) {
            b = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
            names.put(s, b);
        }
        return b;
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        Map<String, String> m = new HashMap<>(end.asMap());
        return new FinalizedWriteContext(m);
    }
}
