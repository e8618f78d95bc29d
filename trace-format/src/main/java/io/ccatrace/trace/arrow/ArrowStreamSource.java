package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.RowSource;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Reads a recorded Arrow IPC stream row by row, one batch in memory at a time. Complete
 * when the end-of-stream marker is present; otherwise the rows of every whole batch are
 * returned and the trace is reported incomplete.
 */
public final class ArrowStreamSource implements RowSource {
    private static final Column[] COLUMNS = Column.values();

    private final String file;
    private final BufferAllocator allocator;
    private final StreamBatches batches;
    private final FieldVector[] vectors;
    private final TraceMetadata header;
    private int row;
    private int rowCount;
    private byte[] checkpoint;

    /** Reads path; the allocator is a child this source owns and closes. */
    public ArrowStreamSource(Path path, BufferAllocator allocator) throws IOException {
        this.file = path.toString();
        this.allocator = allocator;
        try {
            this.batches = new StreamBatches(file, FileChannel.open(path, StandardOpenOption.READ), allocator);
        } catch (IOException | RuntimeException e) {
            allocator.close();
            throw e;
        }
        VectorSchemaRoot root = batches.root();
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        this.header = batches.metadata();
    }

    @Override
    public TraceMetadata header() {
        return header;
    }

    @Override
    public boolean hasChain() {
        return true;
    }

    @Override
    public TraceEvent next() throws IOException {
        while (row >= rowCount) {
            if (!batches.next()) return null;
            ValueVectorUtility.validateFull(batches.root());
            row = 0;
            rowCount = batches.root().getRowCount();
        }
        TraceEvent e = decode(row);
        row++;
        return e;
    }

    private TraceEvent decode(int r) throws TraceFormatException {
        long seq = ((BigIntVector) vectors[Column.SEQ.ordinal()]).get(r);
        String kindName = batches.name(Column.KIND, r);
        EventKind kind;
        try {
            kind = EventKind.valueOf(kindName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TraceFormatException(file + ": unknown kind \"" + kindName + "\" at seq " + seq);
        }
        TraceEvent.Builder b = TraceEvent.builder(seq, kind);
        checkpoint = null;
        for (int i = 1; i < COLUMNS.length; i++) {
            Column c = COLUMNS[i];
            FieldVector v = vectors[i];
            if (v.isNull(r)) continue;
            switch (c.type()) {
                case LONG:
                    c.setLong(b, ((BigIntVector) v).get(r));
                    break;
                case INT:
                    c.setLong(b, ((IntVector) v).get(r));
                    break;
                case NAME:
                    c.setName(b, batches.name(c, r));
                    break;
                case LONGS:
                    c.setLongs(b, longs((ListVector) v, r));
                    break;
                case BYTES:
                    byte[] bytes = ((VarBinaryVector) v).get(r);
                    if (c == Column.CHAIN) checkpoint = bytes; else b.payload(bytes);
                    break;
                default:
                    break;
            }
        }
        return b.build();
    }

    private static long[] longs(ListVector list, int r) {
        int start = list.getElementStartIndex(r);
        int end = list.getElementEndIndex(r);
        BigIntVector items = (BigIntVector) list.getDataVector();
        long[] a = new long[end - start];
        for (int k = 0; k < a.length; k++) a[k] = items.get(start + k);
        return a;
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint;
    }

    @Override
    public boolean complete() {
        return batches.endOfStream();
    }

    @Override
    public TraceMetadata trailer() {
        return TraceMetadata.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            batches.close();
        } finally {
            allocator.close();
        }
    }

    static TraceMetadata metadataOf(Map<String, String> custom) {
        return new TraceMetadata(custom == null ? Map.of() : custom);
    }

    static void checkVersion(String file, TraceMetadata m) throws TraceFormatException {
        FormatVersion.check(file, m, true);
    }
}
