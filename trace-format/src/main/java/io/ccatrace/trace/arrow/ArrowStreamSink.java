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
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
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
        this.writer = new ArrowStreamWriter(root, provider, channel);
        writer.start();
    }

    private void allocate() {
        for (FieldVector v : vectors) {
            v.setInitialCapacity(BATCH);
            v.allocateNew();
        }
    }

    @Override
    public void write(TraceEvent e, byte[] checkpoint) throws IOException {
        int r = rows;
        for (int i = 0; i < COLUMNS.length; i++) {
            Column c = COLUMNS[i];
            switch (c.type()) {
                case LONG:
                    long v = c.getLong(e);
                    if (v != TraceEvent.NULL || !c.nullable()) ((BigIntVector) vectors[i]).set(r, v);
                    break;
                case INT:
                    long iv = c.getLong(e);
                    if (iv != TraceEvent.NULL) ((IntVector) vectors[i]).set(r, (int) iv);
                    break;
                case BOOL:
                    ((BitVector) vectors[i]).set(r, e.isInput() ? 1 : 0);
                    break;
                case KIND:
                case NAME:
                    String s = c.getName(e);
                    if (s != null) ((SmallIntVector) vectors[i]).set(r, dictionaries[i].indexOf(s));
                    break;
                case LONGS:
                    long[] a = c.getLongs(e);
                    if (a != null) putLongs((ListVector) vectors[i], r, a);
                    break;
                default:
                    byte[] b = c == Column.CHAIN ? checkpoint : e.payload();
                    if (b != null) ((VarBinaryVector) vectors[i]).setSafe(r, b);
            }
        }
        rows = r + 1;
        if (rows == BATCH) flush();
    }

    private static void putLongs(ListVector list, int row, long[] a) {
        int start = list.startNewValue(row);
        BigIntVector items = (BigIntVector) list.getDataVector();
        for (int k = 0; k < a.length; k++) items.setSafe(start + k, a[k]);
        list.endValue(row, a.length);
    }

    /** Writes the buffered rows as one record batch and resets the vectors for reuse. */
    private void flush() throws IOException {
        if (rows == 0) return;
        for (FieldVector v : vectors) v.setValueCount(rows);
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
