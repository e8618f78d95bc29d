package io.ccatrace.trace.arrow;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.ValueVectorUtility;

/** Projected columns of an Arrow stream, copied batch by batch into primitive arrays. */
public final class ArrowBatchReader implements BatchReader {
    private final String file;
    private final BufferAllocator allocator;
    private final StreamBatches batches;
    private final EventBatch batch;
    private short[] shorts = new short[0];

    /** Reads path; the allocator is a child this reader owns and closes. */
    public ArrowBatchReader(Path path, Set<Column> columns, BufferAllocator allocator) throws IOException {
        this.file = path.toString();
        this.allocator = allocator;
        this.batch = EventBatch.of(columns);
        try {
            this.batches = new StreamBatches(file, FileChannel.open(path, StandardOpenOption.READ), allocator);
        } catch (IOException | RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    @Override
    public TraceMetadata metadata() {
        return batches.metadata();
    }

    @Override
    public EventBatch next() throws IOException {
        if (!batches.next()) return null;
        int n = batches.root().getRowCount();
        batch.reset(n);
        for (Column c : batch.columns()) {
            FieldVector v = batches.root().getVector(c.ordinal());
            ValueVectorUtility.validate(v);
            if (c.type() == Column.Type.LONG) {
                longs(v, n, batch.fillLongs(c));
            } else if (c.type() == Column.Type.INT) {
                ints(v, n, batch.fillLongs(c));
            } else {
                names(c, v, n);
            }
        }
        return batch;
    }

    private static void longs(FieldVector v, int n, long[] out) {
        v.getDataBuffer().nioBuffer(0, n * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out, 0, n);
        nulls(v, n, out);
    }

    private void ints(FieldVector v, int n, long[] out) {
        var ib = v.getDataBuffer().nioBuffer(0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        for (int i = 0; i < n; i++) out[i] = ib.get(i);
        nulls(v, n, out);
    }

    private static void nulls(FieldVector v, int n, long[] out) {
        if (v.getNullCount() == 0) return;
        BaseFixedWidthVector f = (BaseFixedWidthVector) v;
        for (int i = 0; i < n; i++) {
            if (f.isNull(i)) out[i] = TraceEvent.NULL;
        }
    }

    private void names(Column c, FieldVector v, int n) throws TraceFormatException {
        if (shorts.length < n) shorts = new short[n];
        v.getDataBuffer().nioBuffer(0, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(shorts, 0, n);
        String[] dict = batches.names(c);
        int[] map = new int[dict.length];
        for (int k = 0; k < dict.length; k++) map[k] = c == Column.KIND ? kindOrdinal(dict[k]) : k;
        int[] out = batch.fillIds(c);
        boolean hasNulls = v.getNullCount() > 0;
        for (int i = 0; i < n; i++) {
            int id = shorts[i];
            if (hasNulls && v.isNull(i)) {
                out[i] = -1;
            } else if (id < 0 || id >= map.length) {
                throw new TraceFormatException(file + ": " + c.columnName() + " index " + id + " outside its dictionary");
            } else {
                out[i] = map[id];
            }
        }
        if (c != Column.KIND) batch.setNames(c, dict);
    }

    private int kindOrdinal(String name) throws TraceFormatException {
        try {
            return EventKind.valueOf(name).ordinal();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TraceFormatException(file + ": unknown kind \"" + name + "\"");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            batches.close();
        } finally {
            allocator.close();
        }
    }
}
