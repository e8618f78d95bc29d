package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
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
    private static final int SEQ = Column.SEQ.ordinal();
    private static final int TIME = Column.TIME.ordinal();
    private static final int KIND = Column.KIND.ordinal();
    private static final int INPUT = Column.INPUT.ordinal();
    private static final int CPU = Column.CPU.ordinal();
    private static final int CAUSE_SEQ = Column.CAUSE_SEQ.ordinal();
    private static final int CMD = Column.CMD.ordinal();
    private static final int FID = Column.FID.ordinal();
    private static final int ARGS = Column.ARGS.ordinal();
    private static final int STATUS = Column.STATUS.ordinal();
    private static final int INDEX = Column.INDEX.ordinal();
    private static final int OUT = Column.OUT.ordinal();
    private static final int REALM = Column.REALM.ordinal();
    private static final int REC = Column.REC.ordinal();
    private static final int IPA = Column.IPA.ordinal();
    private static final int PA = Column.PA.ordinal();
    private static final int LEVEL = Column.LEVEL.ordinal();
    private static final int FROM = Column.FROM.ordinal();
    private static final int TO = Column.TO.ordinal();
    private static final int FROM_RIPAS = Column.FROM_RIPAS.ordinal();
    private static final int TO_RIPAS = Column.TO_RIPAS.ordinal();
    private static final int PAS = Column.PAS.ordinal();
    private static final int RIPAS = Column.RIPAS.ordinal();
    private static final int EXIT_REASON = Column.EXIT_REASON.ordinal();
    private static final int ESR = Column.ESR.ordinal();
    private static final int FAR = Column.FAR.ordinal();
    private static final int HPFAR = Column.HPFAR.ordinal();
    private static final int ACCESS = Column.ACCESS.ordinal();
    private static final int HALF = Column.HALF.ordinal();
    private static final int OUTCOME = Column.OUTCOME.ordinal();
    private static final int VALUE = Column.VALUE.ordinal();
    private static final int SIZE = Column.SIZE.ordinal();

    private final BufferAllocator allocator;
    private final FileChannel channel;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final NameDictionary[] dictionaries;
    private final DictionaryProvider.MapDictionaryProvider provider;
    private final ArrowStreamWriter writer;
    private final long[] data = new long[COLUMNS.length];
    private final long[] valid = new long[COLUMNS.length];
    private final short[] kindIndex = new short[EventKind.values().length];
    private final ListColumn args;
    private final ListColumn out;
    private final BinaryColumn payload;
    private final BinaryColumn chain;
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
        java.util.Arrays.fill(kindIndex, (short) -1);
        allocate();
        addresses();
        this.args = new ListColumn((ListVector) vectors[ARGS]);
        this.out = new ListColumn((ListVector) vectors[OUT]);
        this.payload = new BinaryColumn((VarBinaryVector) vectors[Column.PAYLOAD.ordinal()]);
        this.chain = new BinaryColumn((VarBinaryVector) vectors[Column.CHAIN.ordinal()]);
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
     * Appends one row, column by column, touching only the non-null ones (the buffers of a
     * fresh or reset batch are zero: null). Fixed-width values are stored straight into the
     * buffers, which hold {@link #BATCH} rows; a full batch is flushed when the next row
     * arrives, after its last row got its checkpoint.
     */
    @Override
    public void write(EventView e) throws IOException {
        if (rows == BATCH) flush();
        int r = rows;
        MemoryUtil.putLong(data[SEQ] + 8L * r, e.seq());
        setBit(valid[SEQ], r);
        MemoryUtil.putLong(data[TIME] + 8L * r, e.time());
        setBit(valid[TIME], r);
        EventKind k = e.kind();
        MemoryUtil.putShort(data[KIND] + 2L * r, kindIndex(k));
        setBit(valid[KIND], r);
        if (k.isInput()) setBit(data[INPUT], r);
        setBit(valid[INPUT], r);
        putInt(CPU, r, e.cpu());
        putLong(CAUSE_SEQ, r, e.causeSeq());
        putName(CMD, r, e.cmd());
        putLong(FID, r, e.fid());
        args.put(r, e.args());
        putName(STATUS, r, e.status());
        putInt(INDEX, r, e.index());
        out.put(r, e.out());
        putLong(REALM, r, e.realm());
        putLong(REC, r, e.rec());
        putLong(IPA, r, e.ipa());
        putLong(PA, r, e.pa());
        putInt(LEVEL, r, e.level());
        putName(FROM, r, e.from());
        putName(TO, r, e.to());
        putName(FROM_RIPAS, r, e.fromRipas());
        putName(TO_RIPAS, r, e.toRipas());
        putName(PAS, r, e.pas());
        putName(RIPAS, r, e.ripas());
        putName(EXIT_REASON, r, e.exitReason());
        putLong(ESR, r, e.esr());
        putLong(FAR, r, e.far());
        putLong(HPFAR, r, e.hpfar());
        putName(ACCESS, r, e.access());
        putName(HALF, r, e.half());
        putName(OUTCOME, r, e.outcome());
        putLong(VALUE, r, e.value());
        putInt(SIZE, r, e.size());
        byte[] p = e.payload();
        if (p != null) payload.set(r, p); else payload.none(r);
        chain.none(r);
        rows = r + 1;
    }

    @Override
    public void checkpoint(byte[] value) {
        chain.set(rows - 1, value);
    }

    private short kindIndex(EventKind k) {
        short i = kindIndex[k.ordinal()];
        if (i < 0) {
            i = dictionaries[KIND].indexOf(k.name());
            kindIndex[k.ordinal()] = i;
        }
        return i;
    }

    private void putLong(int column, int r, long v) {
        if (v == TraceEvent.NULL) return;
        MemoryUtil.putLong(data[column] + 8L * r, v);
        setBit(valid[column], r);
    }

    private void putInt(int column, int r, int v) {
        if (v == TraceEvent.NULL_INT) return;
        MemoryUtil.putInt(data[column] + 4L * r, v);
        setBit(valid[column], r);
    }

    private void putName(int column, int r, String s) {
        if (s == null) return;
        MemoryUtil.putShort(data[column] + 2L * r, dictionaries[column].indexOf(s));
        setBit(valid[column], r);
    }

    static void setBit(long address, int r) {
        long a = address + (r >>> 3);
        MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) | (1 << (r & 7))));
    }

    /** Writes the buffered rows as one record batch and resets the vectors for reuse. */
    private void flush() throws IOException {
        if (rows == 0) return;
        args.seal(rows);
        out.seal(rows);
        payload.seal(rows);
        chain.seal(rows);
        for (FieldVector v : vectors) v.setValueCount(rows);
        root.setRowCount(rows);
        writer.writeBatch();
        rows = 0;
        for (FieldVector v : vectors) v.reset();
        args.reset();
        out.reset();
        payload.reset();
        chain.reset();
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
