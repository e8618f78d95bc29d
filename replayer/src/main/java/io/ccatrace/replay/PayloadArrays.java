package io.ccatrace.replay;

import java.util.ArrayDeque;

/**
 * Spare byte arrays by length, for the {@link RowCopy}s of one {@link RowBlock}: a slot that
 * gets a payload of another length hands its old array back here and takes one of the new
 * length, so a block refilled window after window stops allocating once it has seen its
 * payload lengths. A few distinct lengths are kept (payloads come in a handful of sizes:
 * RecRun pages, granules, measurements); arrays of other lengths are simply dropped.
 * One thread at a time (the block's).
 */
final class PayloadArrays {
    private static final int LENGTHS = 16;
    private final int[] lengths = new int[LENGTHS];
    @SuppressWarnings("unchecked")
    private final ArrayDeque<byte[]>[] spare = new ArrayDeque[LENGTHS];
    private int used;

    /** An array of exactly len bytes (contents undefined). */
    byte[] take(int len) {
        ArrayDeque<byte[]> q = queue(len, false);
        byte[] a = q == null ? null : q.poll();
        return a != null ? a : new byte[len];
    }

    /** Keeps a for a later {@link #take} of its length. */
    void give(byte[] a) {
        ArrayDeque<byte[]> q = queue(a.length, true);
        if (q != null) q.push(a);
    }

    private ArrayDeque<byte[]> queue(int len, boolean create) {
        for (int i = 0; i < used; i++) {
            if (lengths[i] == len) return spare[i];
        }
        if (!create || used == LENGTHS) return null;
        lengths[used] = len;
        return spare[used++] = new ArrayDeque<>();
    }
}
