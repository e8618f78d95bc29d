package io.ccatrace.trace.arrow;

import static io.ccatrace.trace.arrow.Slots.*;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.RowColumns;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.chain.ColumnWords;
import java.io.IOException;

/**
 * {@link ArrowStreamSink}'s direct row path: each column the row has is staged in the open
 * {@link RowBlock} as it comes (cell, presence bit, and its event-hash word; a name not yet in its
 * dictionary is added only when the row ends, so a row never ended adds no name), the columns it
 * lacks are not touched (the block is all zeros after each copy, see
 * {@link ArrowStreamSink#staged}), and {@link #end} completes the row's offsets and mask and
 * hashes it ({@link ColumnWords}). The same cells, masks and ids as the sink's
 * {@code write(EventView)} of the same row, so the same bytes. A row not ended is undone by
 * {@link #drop} (its cells cleared, its list and payload elements taken back).
 */
final class ArrowRows implements RowColumns {
    private static final int INPUT_BIT = RowBlock.INPUT_BIT;
    /** Staging index base of each column, by ordinal. */
    private static final int[] BASE = bases();

    private final ArrowStreamSink sink;
    private final long[] longs;
    private final int[] ints;
    private final short[] shorts;
    private final long[] masks;
    private final ListColumn args;
    private final ListColumn out;
    private final BinaryColumn payload;
    private final BinaryColumn chain;
    private final ColumnWords hash = new ColumnWords();
    /** The name of each column in {@link #newNames}, by ordinal. */
    private final String[] names = new String[64];
    /** Mask bits of the row's names that are not in their dictionary yet (added when the row ends). */
    private long newNames;
    private EventKind kind;
    /** Staging row of the row being given, -1 when none is. */
    private int r = -1;
    private long m;
    private long[] a;
    private long[] o;
    private byte[] p;

    ArrowRows(ArrowStreamSink sink, RowBlock block, ListColumn args, ListColumn out, BinaryColumn payload,
              BinaryColumn chain) {
        this.sink = sink;
        this.longs = block.longs;
        this.ints = block.ints;
        this.shorts = block.shorts;
        this.masks = block.masks;
        this.args = args;
        this.out = out;
        this.payload = payload;
        this.chain = chain;
    }

    @Override
    public void start(long seq, EventKind kind, long time) {
        if (r >= 0) drop();
        int r = sink.room();
        this.r = r;
        longs[L_SEQ + r] = seq;
        longs[L_TIME + r] = time;
        this.kind = kind;
        hash.start(seq, time, kind.ordinal());
        m = kind.isInput() ? ALWAYS | 1L << INPUT_BIT : ALWAYS;
        newNames = 0;
    }

    @Override
    public long seq() {
        if (r < 0) throw new IllegalStateException("endRow() with no row started (call start() and give its columns first)");
        return longs[L_SEQ + r];
    }

    @Override
    public long end() throws IOException {
        int r = this.r;
        long m = this.m;
        for (long b = newNames; b != 0; b &= b - 1) {
            int c = Long.numberOfTrailingZeros(b);
            shorts[BASE[c] + r] = sink.name(BASE[c], names[c]);
        }
        shorts[S_KIND + r] = sink.kindIndex(kind);
        int[] n = ints;
        n[I_ARGS + r] = args.end();
        n[I_OUT + r] = out.end();
        n[I_PAYLOAD + r] = payload.end();
        n[I_CHAIN + r] = chain.end();
        masks[r] = m;
        this.r = -1;
        sink.added();
        return hash.hash(m & ColumnWords.HASHED, a, o, p);
    }

    @Override
    public void drop() {
        int r = this.r;
        if (r < 0) return;
        this.r = -1;
        for (int i = r; i < longs.length; i += RowBlock.ROWS) longs[i] = 0;
        for (int i = r; i < ints.length; i += RowBlock.ROWS) ints[i] = 0;
        for (int i = r; i < shorts.length; i += RowBlock.ROWS) shorts[i] = 0;
        if ((m >>> ARGS & 1) != 0) args.truncate(args.end() - a.length);
        if ((m >>> OUT & 1) != 0) out.truncate(out.end() - o.length);
        if ((m >>> PAYLOAD & 1) != 0) payload.truncate(payload.end() - p.length);
    }

    private void cell(int base, int c, long v) {
        if (v == TraceEvent.NULL) return;
        longs[base + r] = v;
        hash.word(c, v);
        m |= 1L << c;
    }

    private void cell(int base, int c, int v) {
        if (v == TraceEvent.NULL_INT) return;
        ints[base + r] = v;
        hash.word(c, v);
        m |= 1L << c;
    }

    private void name(int base, int c, String v) {
        if (v == null) return;
        short id = sink.knownName(base, v);
        if (id < 0) {
            names[c] = v;
            newNames |= 1L << c;
        } else {
            shorts[base + r] = id;
        }
        hash.word(c, v.hashCode());
        m |= 1L << c;
    }

    @Override public void causeSeq(long v) { cell(L_CAUSE_SEQ, CAUSE_SEQ, v); }
    @Override public void cpu(int v) { cell(I_CPU, CPU, v); }
    @Override public void cmd(String v) { name(S_CMD, CMD, v); }
    @Override public void fid(long v) { cell(L_FID, FID, v); }
    @Override public void status(String v) { name(S_STATUS, STATUS, v); }
    @Override public void index(int v) { cell(I_INDEX, INDEX, v); }
    @Override public void realm(long v) { cell(L_REALM, REALM, v); }
    @Override public void rec(long v) { cell(L_REC, REC, v); }
    @Override public void ipa(long v) { cell(L_IPA, IPA, v); }
    @Override public void pa(long v) { cell(L_PA, PA, v); }
    @Override public void level(int v) { cell(I_LEVEL, LEVEL, v); }
    @Override public void from(String v) { name(S_FROM, FROM, v); }
    @Override public void to(String v) { name(S_TO, TO, v); }
    @Override public void fromRipas(String v) { name(S_FROM_RIPAS, FROM_RIPAS, v); }
    @Override public void toRipas(String v) { name(S_TO_RIPAS, TO_RIPAS, v); }
    @Override public void pas(String v) { name(S_PAS, PAS, v); }
    @Override public void ripas(String v) { name(S_RIPAS, RIPAS, v); }
    @Override public void exitReason(String v) { name(S_EXIT_REASON, EXIT_REASON, v); }
    @Override public void esr(long v) { cell(L_ESR, ESR, v); }
    @Override public void far(long v) { cell(L_FAR, FAR, v); }
    @Override public void hpfar(long v) { cell(L_HPFAR, HPFAR, v); }
    @Override public void access(String v) { name(S_ACCESS, ACCESS, v); }
    @Override public void half(String v) { name(S_HALF, HALF, v); }
    @Override public void outcome(String v) { name(S_OUTCOME, OUTCOME, v); }
    @Override public void value(long v) { cell(L_VALUE, VALUE, v); }
    @Override public void size(int v) { cell(I_SIZE, SIZE, v); }

    @Override public void args(long[] v) { if (v != null) { args.append(v); hash.list(ARGS, v); a = v; m |= 1L << ARGS; } }
    @Override public void out(long[] v) { if (v != null) { out.append(v); hash.list(OUT, v); o = v; m |= 1L << OUT; } }
    @Override public void payload(byte[] v) { if (v != null) { payload.append(v); hash.payload(v); p = v; m |= 1L << PAYLOAD; } }

    private static int[] bases() {
        int[] b = new int[Column.values().length];
        for (Column c : Column.values()) b[c.ordinal()] = RowBlock.base(c);
        return b;
    }

}
