package io.ccatrace.trace.parquet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Arrays for decompressed pages, used again once their page is done: {@link ZstdPageCodecs}
 * takes one per page, the {@link PageColumn} that decoded the page gives it back when the page
 * is no longer current (its values are decoded as the rows need them, so the array must live
 * as long as the page). A fresh array per page cost the reader the zeroing of every page's
 * bytes. A page gets the smallest free array that holds it, else a new one of its size
 * rounded up to 4 KiB (pages over 16 MiB: of their exact size, as before). An array is handed
 * out again only after it was given back, and only an array this pool handed out and still
 * counts as out (the {@link #RECENT} latest not given back) is taken back: one never given back
 * (a page whose reader failed) is forgotten, so the pool holds a bounded number of arrays.
 * Thread-safe: the columns of a batch may be decoded on several threads.
 */
final class PageBuffers {
    private static final int MAX_POOLED = 16 << 20;
    /** At most this many free arrays are kept. */
    private static final int KEEP = 64;
    /**
     * Arrays handed out that may still be given back (more than every column's current and
     * next page): the oldest outstanding ones beyond this are forgotten. Counted over the arrays
     * still out, not over takes: a sparse column's page, current for a whole row group while
     * the dense columns go through hundreds of pages, used to be forgotten before it came back.
     */
    static final int RECENT = 256;

    private final byte[][] free = new byte[KEEP][];
    private int freeCount;
    /**
     * The arrays handed out and not given back yet, oldest first (arrays compare by identity):
     * at most {@link #RECENT}, the oldest forgotten beyond that.
     */
    private final LinkedHashMap<byte[], Boolean> out = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<byte[], Boolean> eldest) {
            return size() > RECENT;
        }
    };

    /** An array of at least n bytes (contents undefined); a negative n fails as {@code new byte[n]} does. */
    synchronized byte[] take(int n) {
        if (n < 0 || n > MAX_POOLED) return new byte[n];
        int best = -1;
        for (int i = 0; i < freeCount; i++) {
            int len = free[i].length;
            if (len >= n && (best < 0 || len < free[best].length)) best = i;
        }
        byte[] a;
        if (best >= 0) {
            a = free[best];
            free[best] = free[--freeCount];
            free[freeCount] = null;
        } else {
            a = new byte[(n + 4095) & -4096];
        }
        out.put(a, Boolean.TRUE);
        return a;
    }

    /** Gives back an array from {@link #take} once nothing reads it; any other array (or null) is ignored. */
    synchronized void give(byte[] a) {
        if (a == null || out.remove(a) == null) return;
        if (freeCount < KEEP) free[freeCount++] = a;
    }
}
