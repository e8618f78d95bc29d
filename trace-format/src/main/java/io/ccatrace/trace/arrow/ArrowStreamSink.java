package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.chain.HashChain;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Records a trace as an Arrow IPC stream: one reused VectorSchemaRoot, a batch written to
 * the file every {@link #BATCH} rows and on close, then the end-of-stream marker. A
 * process killed at any moment leaves a stream readable up to its last written batch.
 */
public final class ArrowStreamSink implements RowSink {
    /** Rows per record batch (a multiple of the chain interval). */
    public static final int BATCH = 16 * HashChain.INTERVAL;

    private static final Column[] COLUMNS = Column.values();

    private final BufferAllocator allocator;
    private final FileChannel channel;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final NameDictionary[] dictionaries;
    private final DictionaryProvider.MapDictionaryProvider provider;
    private final ArrowStreamWriter writer;
    private final int[] listEnds = new int[COLUMNS.length];
    private final long[] data = new long[COLUMNS.length];
    private final long[] valid = new long[COLUMNS.length];
    private int rows;

    /** Writes to path; the allocator is a child this sink owns and closes. */
    public ArrowStreamSink(Path path, TraceMetadata header, BufferAllocator allocator) throws IOException {
        this.allocator = allocator;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.root = VectorSchemaRoot.create(ArrowSchema.schema(header), allocator);
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        this.dictionaries = new NameDictionary[COLUMNS.length];
        this.provider = new DictionaryProvider.MapDictionaryProvider();
        for (Column c : COLUMNS) {
            if (c.type() == Column.Type.NAME || c.type() == Column.Type.KIND) {
                dictionaries[c.ordinal()] = new NameDictionary(c, allocator);
                provider.put(dictionaries[c.ordinal()].dictionary());
            }
        }
        allocate();
        addresses();
        this.writer = new ArrowStreamWriter(root, provider, channel);
        writer.start();
    }

    private void allocate() {
        for (FieldVector v : vectors) {
            v.setInitialCapacity(BATCH);
            v.allocateNew();
        }
    }

    /** Buffer addresses of the fixed-width vectors (stable: they are never reallocated). */
    private void addresses() {
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] instanceof BaseFixedWidthVector) {
                data[i] = vectors[i].getDataBufferAddress();
                valid[i] = vectors[i].getValidityBufferAddress();
            }
        }
    }

    /**
     * Appends one row. Fixed-width values are stored straight into the buffers, which were
     * allocated for {@link #BATCH} rows and are flushed before they fill: rows &lt; BATCH.
     */
    @Override
    public void write(TraceEvent e, byte[] checkpoint) throws IOException {
        int r = rows;
        for (int i = 0; i < COLUMNS.length; i++) {
            Column c = COLUMNS[i];
            switch (c.type()) {
                case LONG:
                    long v = c.getLong(e);
                    if (v == TraceEvent.NULL && c.nullable()) break;
                    MemoryUtil.putLong(data[i] + 8L * r, v);
                    setBit(valid[i], r);
                    break;
                case INT:
                    long iv = c.getLong(e);
                    if (iv == TraceEvent.NULL) break;
                    MemoryUtil.putInt(data[i] + 4L * r, (int) iv);
                    setBit(valid[i], r);
                    break;
                case BOOL:
                    if (e.isInput()) setBit(data[i], r);
                    setBit(valid[i], r);
                    break;
                case KIND:
                case NAME:
                    String s = c.getName(e);
                    if (s == null) break;
                    MemoryUtil.putShort(data[i] + 2L * r, dictionaries[i].indexOf(s));
                    setBit(valid[i], r);
                    break;
                case LONGS:
                    putLongs(i, r, c.getLongs(e));
                    break;
                default:
                    byte[] b = c == Column.CHAIN ? checkpoint : e.payload();
                    if (b != null) ((VarBinaryVector) vectors[i]).setSafe(r, b);
            }
        }
        rows = r + 1;
        if (rows == BATCH) flush();
    }

    private static void setBit(long address, int r) {
        long a = address + (r >>> 3);
        MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) | (1 << (r & 7))));
    }

    /**
     * Appends a register list (or a null) at row: writes the offset of every row directly,
     * cheaper than ListVector's start/end bookkeeping; flush() tells the vector how far.
     */
    private void putLongs(int column, int row, long[] a) {
        ListVector list = (ListVector) vectors[column];
        int end = listEnds[column];
        if (a != null) {
            BigIntVector items = (BigIntVector) list.getDataVector();
            while (end + a.length > items.getValueCapacity()) items.reAlloc();
            long values = items.getDataBufferAddress();
            long validity = items.getValidityBufferAddress();
            for (int k = 0; k < a.length; k++) {
                MemoryUtil.putLong(values + 8L * (end + k), a[k]);
                setBit(validity, end + k);
            }
            end += a.length;
            BitVectorHelper.setBit(list.getValidityBuffer(), row);
            listEnds[column] = end;
        }
        list.getOffsetBuffer().setInt((long) (row + 1) * ListVector.OFFSET_WIDTH, end);
    }

    /** Writes the buffered rows as one record batch and resets the vectors for reuse. */
    private void flush() throws IOException {
        if (rows == 0) return;
        for (FieldVector v : vectors) {
            if (v instanceof ListVector) {
                ((ListVector) v).setLastSet(rows - 1);
            }
            v.setValueCount(rows);
        }
        java.util.Arrays.fill(listEnds, 0);
        root.setRowCount(rows);
        writer.writeBatch();
        rows = 0;
        for (FieldVector v : vectors) v.reset();
    }

    @Override
    public void finish(TraceMetadata end) throws IOException {
        try {
            flush();
            writer.end();
        } finally {
            writer.close();
            root.close();
            for (NameDictionary d : dictionaries) {
                if (d != null) d.close();
            }
            channel.close();
            allocator.close();
        }
    }
}
