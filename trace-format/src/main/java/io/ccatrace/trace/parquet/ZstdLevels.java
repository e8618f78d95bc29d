package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import java.util.EnumSet;
import java.util.Set;

/**
 * The ZSTD level of each column's pages (docs/performance-log.md, session 7: every page of a
 * recorded multi-realm trace and of the synthetic bench trace compressed at levels 1-6, per
 * column). Level {@link Zstd#LEVEL} costs about twice level 3's time; for the columns in
 * {@link #FAST} it saves under 0.006 bytes/event each (kind's pages are even smaller at level
 * 3), so they get level 3. The columns in {@link #HIGH} (a few small ones) and every dictionary
 * page get level 6, which shrinks them for little time, and payload gets {@link #PAYLOAD_LEVEL}:
 * pages of the recorded trace 3.953 -> 3.958 bytes/event at the first choice (payload at 6), ZSTD
 * time on the bench trace 145 -> 87 ns/event.
 */
final class ZstdLevels {
    static final int FAST_LEVEL = 3;
    static final int HIGH_LEVEL = 6;
    /**
     * Payload pages (NS writes, params pages, images): level 9 shrinks them by 0.013 bytes/event
     * on recorded multi-realm traces (~17 ns/event more ZSTD time; the synthetic bench trace has
     * almost no payload), which keeps every seed 1-10 of the 300k recording under 4 bytes/event
     * (at level 6 seeds 2 and 4 gave 4.001 and 4.005).
     */
    static final int PAYLOAD_LEVEL = 9;
    /** Dictionary pages: one per column chunk, small except payload's and the register lists'. */
    static final int DICTIONARY_LEVEL = HIGH_LEVEL;

    static final Set<Column> FAST = EnumSet.of(Column.SEQ, Column.TIME, Column.KIND, Column.ARGS, Column.OUT,
            Column.IPA, Column.FAR, Column.VALUE, Column.SIZE, Column.FROM, Column.PAS, Column.RIPAS,
            Column.ACCESS, Column.HALF, Column.OUTCOME, Column.CHAIN);
    static final Set<Column> HIGH = EnumSet.of(Column.STATUS, Column.TO, Column.FROM_RIPAS,
            Column.TO_RIPAS, Column.LEVEL);

    private ZstdLevels() {
    }

    /** The level of column c's data pages. */
    static int of(Column c) {
        if (c == Column.PAYLOAD) return PAYLOAD_LEVEL;
        if (FAST.contains(c)) return FAST_LEVEL;
        if (HIGH.contains(c)) return HIGH_LEVEL;
        return Zstd.LEVEL;
    }
}
