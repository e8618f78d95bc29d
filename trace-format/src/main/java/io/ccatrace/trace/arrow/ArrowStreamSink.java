package io.ccatrace.trace.arrow;

import static io.ccatrace.trace.arrow.Slots.*;

import io.ccatrace.trace.ArrowWrite;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.RowColumns;
import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.chain.HashChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Records a trace as an Arrow IPC stream: one reused VectorSchemaRoot whose buffers are
 * filled a {@link RowBlock} at a time, a batch written to the file every {@link #BATCH} rows
 * and on close (one gathering write of its buffers), then the end-of-stream marker. A
 * process killed at any moment leaves a stream readable up to its last written batch.
 */
public final class ArrowStreamSink implements RowSink {
    /**
     * Rows per record batch (a multiple of the chain interval): 8,192 rows are ~1.3 MB of
     * buffers, which are still in the cache when the kernel copies them to the file (65,536
     * rows, ~11 MB, were not: docs/performance-log.md, session 11). Readers read any batch size.
     */
    public static final int BATCH = 2 * HashChain.INTERVAL;

    private static final Column[] COLUMNS = Column.values();
    private static final int ROWS = RowBlock.ROWS;

    private final BufferAllocator allocator;
    private final FileChannel channel;
    private final GatheringChannel gather;
    /** The O_DIRECT writer of the file, or null. */
    private final DirectFile directFile;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final NameDictionary[] dictionaries;
    /** The name dictionaries by staging slot. */
    private final NameDictionary[] bySlot;
    private final DictionaryProvider.MapDictionaryProvider provider;
    private final ArrowStreamWriter writer;
    private final short[] kindIndex = new short[EventKind.values().length];
    private final RowBlock block;
    private final ListColumn args;
    private final ListColumn out;
    private final BinaryColumn payload;
    private final BinaryColumn chain;
    private final ArrowRows direct;
    /**
     * Whether the open block has rows staged by the direct path, which leaves the cells of
     * absent columns untouched: the block is then zeroed after its copy.
     */
    private boolean staged;
    private boolean closed;
    /** Rows of the batch already copied out of the block. */
    private int start;
    /** Rows in the block. */
    private int r;

    /**
     * The CPU time (ns) the background threads of O_DIRECT writes have spent so far, in this
     * process (for benchmarks: it belongs to the recordings).
     */
    public static long directIoCpuNanos() {
        return DirectFile.backgroundCpuNanos();
    }

    /** Writes to path as {@link ArrowWrite#DEFAULT}; the allocator is a child this sink owns and closes. */
    public ArrowStreamSink(Path path, TraceMetadata header, BufferAllocator allocator) throws IOException {
        this(path, header, allocator, ArrowWrite.DEFAULT);
    }

    /**
     * Writes to path as how says: every buffer LZ4_FRAME-compressed when lz4 (the stream then
     * needs a reader of format {@link FormatVersion#READS_UP_TO 3}, which the header says), the
     * file written with O_DIRECT when directIo and the file system allows it ({@link DirectFile});
     * the allocator is a child this sink owns and closes.
     */
    public ArrowStreamSink(Path path, TraceMetadata header, BufferAllocator allocator, ArrowWrite how) throws IOException {
        this.allocator = allocator;
        boolean lz4 = how.lz4() && MemoryUtil.LITTLE_ENDIAN; // the encoder writes LZ4's little-endian fields in native order
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.directFile = how.directIo() ? DirectFile.open(path, channel) : null;
        this.gather = new GatheringChannel(channel, lz4, directFile);
        if (lz4) header = header.with(TraceMetadata.MIN_READER_VERSION, Integer.toString(FormatVersion.MIN_READER_LZ4));
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
        this.bySlot = new NameDictionary[COLUMNS.length];
        for (Column c : COLUMNS) {
            if (dictionaries[c.ordinal()] != null) bySlot[RowBlock.base(c) / RowBlock.ROWS] = dictionaries[c.ordinal()];
        }
        java.util.Arrays.fill(kindIndex, (short) -1);
        for (FieldVector v : vectors) {
            v.setInitialCapacity(BATCH);
            v.allocateNew();
        }
        this.block = new RowBlock(vectors);
        this.args = new ListColumn((ListVector) vectors[ARGS]);
        this.out = new ListColumn((ListVector) vectors[OUT]);
        this.payload = new BinaryColumn((VarBinaryVector) vectors[PAYLOAD]);
        this.chain = new BinaryColumn((VarBinaryVector) vectors[CHAIN]);
        this.direct = new ArrowRows(this, block, args, out, payload, chain);
        this.writer = new GrowingDictionariesWriter(root, provider, gather, dictionaries, lz4);
        writer.start();
        gather.flush();
    }

    /**
     * Appends one row to the open block: every column of the row is stored (0 for a null
     * cell, chosen without a branch for the numbers) and its presence bit set in the row's
     * mask, kept in a local (a field updated around the name lookups went through memory
     * at every column). A full block goes to the batch buffers, a full batch to the file
     * when the next row arrives (after its last row got its checkpoint).
     */
    @Override
    public void write(EventView e) throws IOException {
        direct.drop();
        makeRoom();
        int r = this.r;
        long[] l = block.longs;
        int[] n = block.ints;
        short[] s = block.shorts;
        EventKind k = e.kind();
        long m = k.isInput() ? ALWAYS | 1L << RowBlock.INPUT_BIT : ALWAYS;
        l[L_SEQ + r] = e.seq();
        l[L_TIME + r] = e.time();
        s[S_KIND + r] = kindIndex(k);
        n[I_CPU + r] = cell(e.cpu());
        m |= bit(e.cpu(), CPU);
        l[L_CAUSE_SEQ + r] = cell(e.causeSeq());
        m |= bit(e.causeSeq(), CAUSE_SEQ);
        l[L_FID + r] = cell(e.fid());
        m |= bit(e.fid(), FID);
        l[L_REALM + r] = cell(e.realm());
        m |= bit(e.realm(), REALM);
        l[L_REC + r] = cell(e.rec());
        m |= bit(e.rec(), REC);
        l[L_IPA + r] = cell(e.ipa());
        m |= bit(e.ipa(), IPA);
        l[L_PA + r] = cell(e.pa());
        m |= bit(e.pa(), PA);
        n[I_INDEX + r] = cell(e.index());
        m |= bit(e.index(), INDEX);
        n[I_LEVEL + r] = cell(e.level());
        m |= bit(e.level(), LEVEL);
        l[L_ESR + r] = cell(e.esr());
        m |= bit(e.esr(), ESR);
        l[L_FAR + r] = cell(e.far());
        m |= bit(e.far(), FAR);
        l[L_HPFAR + r] = cell(e.hpfar());
        m |= bit(e.hpfar(), HPFAR);
        l[L_VALUE + r] = cell(e.value());
        m |= bit(e.value(), VALUE);
        n[I_SIZE + r] = cell(e.size());
        m |= bit(e.size(), SIZE);
        long[] a = e.args();
        n[I_ARGS + r] = a == null ? args.end() : args.append(a);
        long[] o = e.out();
        n[I_OUT + r] = o == null ? out.end() : out.append(o);
        byte[] p = e.payload();
        n[I_PAYLOAD + r] = p == null ? payload.end() : payload.append(p);
        m |= (a == null ? 0 : 1L << ARGS) | (o == null ? 0 : 1L << OUT) | (p == null ? 0 : 1L << PAYLOAD);
        block.masks[r] = m | names(e, r);
        n[I_CHAIN + r] = chain.end();
        this.r = r + 1;
    }

    /** Stores the row's name ids (0 for null); returns the presence bits of its names. */
    private long names(EventView e, int r) {
        short[] s = block.shorts;
        long m = 0;
        String v;
        if ((v = e.cmd()) != null) { s[S_CMD + r] = name(S_CMD, v); m |= 1L << CMD; } else s[S_CMD + r] = 0;
        if ((v = e.status()) != null) { s[S_STATUS + r] = name(S_STATUS, v); m |= 1L << STATUS; } else s[S_STATUS + r] = 0;
        if ((v = e.from()) != null) { s[S_FROM + r] = name(S_FROM, v); m |= 1L << FROM; } else s[S_FROM + r] = 0;
        if ((v = e.to()) != null) { s[S_TO + r] = name(S_TO, v); m |= 1L << TO; } else s[S_TO + r] = 0;
        if ((v = e.fromRipas()) != null) { s[S_FROM_RIPAS + r] = name(S_FROM_RIPAS, v); m |= 1L << FROM_RIPAS; } else s[S_FROM_RIPAS + r] = 0;
        if ((v = e.toRipas()) != null) { s[S_TO_RIPAS + r] = name(S_TO_RIPAS, v); m |= 1L << TO_RIPAS; } else s[S_TO_RIPAS + r] = 0;
        if ((v = e.pas()) != null) { s[S_PAS + r] = name(S_PAS, v); m |= 1L << PAS; } else s[S_PAS + r] = 0;
        if ((v = e.ripas()) != null) { s[S_RIPAS + r] = name(S_RIPAS, v); m |= 1L << RIPAS; } else s[S_RIPAS + r] = 0;
        if ((v = e.exitReason()) != null) { s[S_EXIT_REASON + r] = name(S_EXIT_REASON, v); m |= 1L << EXIT_REASON; } else s[S_EXIT_REASON + r] = 0;
        if ((v = e.access()) != null) { s[S_ACCESS + r] = name(S_ACCESS, v); m |= 1L << ACCESS; } else s[S_ACCESS + r] = 0;
        if ((v = e.half()) != null) { s[S_HALF + r] = name(S_HALF, v); m |= 1L << HALF; } else s[S_HALF + r] = 0;
        if ((v = e.outcome()) != null) { s[S_OUTCOME + r] = name(S_OUTCOME, v); m |= 1L << OUTCOME; } else s[S_OUTCOME + r] = 0;
        return m;
    }

    /** The direct row path ({@link ArrowRows}): the same rows, only the present columns staged. */
    @Override
    public RowColumns columns() {
        return direct;
    }

    /**
     * Makes room for the next row (a full block goes to the batch buffers, a full batch to
     * the file); returns the row's staging index. For the direct path, which stages into
     * zeroed blocks.
     */
    int room() {
        if (closed) throw new IllegalStateException("trace writer is closed");
        try {
            makeRoom();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staged = true;
        return r;
    }

    /** A full block goes to the batch buffers, a full batch (its last row has its checkpoint) to the file. */
    private void makeRoom() throws IOException {
        if (r == ROWS) {
            if (start + ROWS == BATCH) flush(); else next();
        }
    }

    /** The direct path completed the row at the staging index {@link #room} gave. */
    void added() {
        r++;
    }

    @Override
    public void checkpoint(byte[] value) {
        int last = r - 1;
        block.ints[I_CHAIN + last] = chain.append(value);
        block.masks[last] |= 1L << CHAIN;
    }

    /** A 64-bit cell: the value, or 0 for null (branch-free). */
    private static long cell(long v) {
        long d = v ^ TraceEvent.NULL;
        return v & ((d | -d) >> 63);
    }

    /** A 32-bit cell, likewise. */
    private static int cell(int v) {
        int d = v ^ TraceEvent.NULL_INT;
        return v & ((d | -d) >> 31);
    }

    /** Column c's presence bit if v is not null, else 0 (branch-free). */
    private static long bit(long v, int c) {
        long d = v ^ TraceEvent.NULL;
        return (d | -d) >>> 63 << c;
    }

    private static long bit(int v, int c) {
        int d = v ^ TraceEvent.NULL_INT;
        return (long) ((d | -d) >>> 31) << c;
    }

    /** A name's dictionary id. */
    short name(int base, String name) {
        return bySlot[base / ROWS].indexOf(name);
    }

    /** A name's dictionary id, or -1 when it has none yet (nothing is added). */
    short knownName(int base, String name) {
        return bySlot[base / ROWS].knownIndex(name);
    }

    short kindIndex(EventKind k) {
        short i = kindIndex[k.ordinal()];
        if (i < 0) {
            i = dictionaries[KIND].indexOf(k.name());
            kindIndex[k.ordinal()] = i;
        }
        return i;
    }

    /** Moves the full block to the batch buffers. */
    private void next() {
        block.copy(start, r);
        if (staged) block.clear();
        staged = false;
        start += r;
        r = 0;
    }

    /** Writes the buffered rows as one record batch, with one gathering write. */
    private void flush() throws IOException {
        next();
        int rows = start;
        if (rows == 0) return;
        args.seal(rows);
        out.seal(rows);
        payload.seal(rows);
        chain.seal(rows);
        for (FieldVector v : vectors) v.setValueCount(rows);
        root.setRowCount(rows);
        writer.writeBatch();
        gather.flush();
        start = 0;
        args.reset();
        out.reset();
        payload.reset();
        chain.reset();
        block.views();
    }

    @Override
    public void finish(TraceMetadata end) throws IOException {
        finish(true);
    }

    /** Every row as a whole batch, but no end-of-stream marker: the stream reads as unfinished. */
    @Override
    public void abandon(TraceMetadata end) throws IOException {
        finish(false);
    }

    private void finish(boolean complete) throws IOException {
        direct.drop();
        closed = true;
        try {
            flush();
            if (complete) writer.end();
            gather.finish();
        } finally {
            writer.close();
            root.close();
            for (NameDictionary d : dictionaries) {
                if (d != null) d.close();
            }
            if (directFile != null) directFile.close();
            channel.close();
            allocator.close();
        }
    }
}
