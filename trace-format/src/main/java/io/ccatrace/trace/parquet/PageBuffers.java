package io.ccatrace.trace.parquet;

/**
 * Arrays for decompressed pages, used again once their page is done: {@link ZstdPageCodecs}
 * takes one per page, the {@link PageColumn} that decoded the page gives it back when the page
 * is no longer current (its values are decoded as the rows need them, so the array must live
 * as long as the page). A fresh array per page cost the reader the zeroing of every page's
 * bytes. Arrays come in sizes of powers of two (pages up to 16 MiB; larger ones get an array
 * of their own, as before). An array is handed out again only after it was given back, and
 * only an array handed out by this pool among the last {@link #RECENT} is taken back: one
 * never given back (a dictionary page, a page whose reader failed) is simply forgotten, so
 * the pool holds a bounded number of arrays. Thread-safe: the columns of a batch may be
 * decoded on several threads.
 */
final class PageBuffers {
    private static final int MAX_CLASS = 24;
    /** At most this many free arrays of a size are kept. */
    private static final int KEEP = 16;
    /** Arrays handed out that may still be given back (more than every column's current and next page). */
    static final int RECENT = 256;

    private final byte[][][] free = new byte[MAX_CLASS + 1][KEEP][];
    private final int[] freeCount = new int[MAX_CLASS + 1];
    private final byte[][] recent = new byte[RECENT][];
    private int next;

    /** An array of at least n bytes (contents undefined); a negative n fails as {@code new byte[n]} does. */
    synchronized byte[] take(int n) {
        int c = n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        if (n < 0 || c > MAX_CLASS) return new byte[n];
        byte[] a = freeCount[c] > 0 ? free[c][--freeCount[c]] : new byte[1 << c];
        free[c][freeCount[c]] = null;
        recent[next] = a;
        next = (next + 1) % RECENT;
        return a;
    }

    /** Gives back an array from {@link #take} once nothing reads it; any other array (or null) is ignored. */
    synchronized void give(byte[] a) {
        if (a == null) return;
        for (int i = 0; i < RECENT; i++) {
            if (recent[i] != a) continue;
            recent[i] = null;
            int c = Integer.numberOfTrailingZeros(a.length);
            if (freeCount[c] < KEEP) free[c][freeCount[c]++] = a;
            return;
        }
    }
}
