package io.ccatrace.trace.arrow;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.complex.ListVector;
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
    private final NameTable[] tables = new NameTable[Column.values().length];

    /** Reads path; the allocator is a child this reader owns and closes. */
    public ArrowBatchReader(Path path, Set<Column> columns, BufferAllocator allocator) throws IOException {
        this.file = path.toString();
        this.allocator = allocator;
        this.batch = EventBatch.of(columns);
        for (Column c : columns) {
            if (c.type() == Column.Type.NAME) tables[c.ordinal()] = new NameTable();
        }
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
            } else if (c.type() == Column.Type.BOOL) {
                bools(v, n, batch.fillBools(c));
            } else if (c.type() == Column.Type.LONGS) {
                lists(c, (ListVector) v, n);
            } else if (c.type() == Column.Type.BYTES) {
                bytes(c, (VarBinaryVector) v, n);
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

    private static void bools(FieldVector v, int n, boolean[] out) {
        ArrowBuf data = v.getDataBuffer();
        for (int i = 0; i < n; i++) out[i] = (data.getByte(i >>> 3) & (1 << (i & 7))) != 0;
    }

    private void lists(Column c, ListVector v, int n) throws TraceFormatException {
        int[] off = batch.fillOffsets(c);
        int base = offsets(c, v.getOffsetBuffer(), n, off);
        nullFlags(v, n, batch.fillNulls(c));
        FieldVector items = v.getDataVector();
        int count = off[n];
        if ((long) base + count > items.getValueCount()) {
            throw new TraceFormatException(file + ": " + c.columnName() + " offsets past its values");
        }
        long[] values = batch.fillListValues(c, count);
        items.getDataBuffer().nioBuffer((long) base * 8, count * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values, 0, count);
    }

    private void bytes(Column c, VarBinaryVector v, int n) throws TraceFormatException {
        int[] off = batch.fillOffsets(c);
        int base = offsets(c, v.getOffsetBuffer(), n, off);
        nullFlags(v, n, batch.fillNulls(c));
        int count = off[n];
        if ((long) base + count > v.getDataBuffer().capacity()) {
            throw new TraceFormatException(file + ": " + c.columnName() + " offsets past its data");
        }
        byte[] out = batch.fillBytes(c, count);
        v.getDataBuffer().getBytes(base, out, 0, count);
    }

    /** Copies n + 1 offsets rebased to 0 and checks they never decrease; returns the first. */
    private int offsets(Column c, ArrowBuf buf, int n, int[] off) throws TraceFormatException {
        if (buf.capacity() < (n + 1L) * 4) {
            throw new TraceFormatException(file + ": " + c.columnName() + " offset buffer too short");
        }
        buf.nioBuffer(0, (n + 1) * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(off, 0, n + 1);
        int base = off[0];
        int prev = 0;
        for (int i = 0; i <= n; i++) {
            int o = off[i] - base;
            if (o < prev || base < 0) {
                throw new TraceFormatException(file + ": " + c.columnName() + " offsets decrease at row " + i);
            }
            off[i] = o;
            prev = o;
        }
        return base;
    }

    private static void nullFlags(FieldVector v, int n, boolean[] out) {
        boolean any = v.getNullCount() > 0;
        for (int i = 0; i < n; i++) out[i] = any && v.isNull(i);
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
        for (int k = 0; k < dict.length; k++) {
            if (c == Column.KIND) {
                map[k] = kindOrdinal(dict[k]);
            } else {
                map[k] = dict[k] == null ? -1 : tables[c.ordinal()].id(dict[k]);
            }
        }
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
        if (c != Column.KIND) batch.setNames(c, tables[c.ordinal()].names());
    }

    private int kindOrdinal(String name) throws TraceFormatException {
        try {
            return EventKind.valueOf(name).ordinal();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TraceFormatException(file + ": unknown kind \"" + name + "\"");
        }
    }

    @Override
    public boolean complete() {
        return batches.endOfStream();
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
