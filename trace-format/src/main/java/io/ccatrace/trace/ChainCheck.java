package io.ccatrace.trace;

import io.ccatrace.trace.chain.BatchHash;
import io.ccatrace.trace.chain.BatchHashV2;
import io.ccatrace.trace.chain.HashChain;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The integrity chain recomputed over whole batches (for the cursor): row hashes by
 * {@link BatchHash}, then one SHA-256 per interval of {@link HashChain#INTERVAL} rows,
 * compared with the checkpoint stored in the chain column. Same rules and messages as
 * {@link io.ccatrace.trace.chain.ChainVerifier}. A cursor that seeks starts the check from
 * the checkpoint stored before its rows ({@link SeekAnchor}); rows before that anchor in the
 * first batches are not part of the check.
 */
final class ChainCheck {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final BatchHash v1;
    private final BatchHashV2 v2;
    private final MessageDigest sha;
    private final byte[] buf = new byte[8 * HashChain.INTERVAL];
    private byte[] last = new byte[32];
    /** Rows with a lower seq come before the anchor (Long.MIN_VALUE once the first row at or after it is seen). */
    private long checkFrom = Long.MIN_VALUE;
    /** The seq of the stored checkpoint the check started from, until the first interval after it closes (else NULL). */
    private long anchorSeq = TraceEvent.NULL;
    private int pending;
    private long count;
    private long intervalStart = TraceEvent.NULL;
    private long lastSeq = TraceEvent.NULL;
    private String firstBreak;

    /** The check from the file's first row, in the chain of the given format version (it defines the event hash). */
    ChainCheck(int formatVersion) {
        this(formatVersion, SeekAnchor.fromStart());
    }

    /**
     * The check from the anchor on; an anchor that could not be found is the first break (so
     * nothing the check computes after it is reported).
     */
    ChainCheck(int formatVersion, SeekAnchor from) {
        this.v1 = formatVersion == 1 ? new BatchHash() : null;
        this.v2 = formatVersion == 1 ? null : new BatchHashV2();
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
        if (from.failure != null) {
            firstBreak = from.failure;
            return;
        }
        last = from.value.clone();
        checkFrom = from.seekTo;
        anchorSeq = from.seq;
    }

    /** Checks every row of the batch (it must hold every column). */
    void accept(EventBatch b) {
        int n = b.size();
        long[] h = v1 != null ? v1.of(b) : v2.of(b);
        long[] seq = b.longs(Column.SEQ);
        int[] off = b.offsets(Column.CHAIN);
        int[] at = b.starts(Column.CHAIN);
        boolean[] none = b.nulls(Column.CHAIN);
        byte[] chain = b.bytes(Column.CHAIN);
        int r0 = 0;
        if (checkFrom != Long.MIN_VALUE) {
            while (r0 < n && seq[r0] < checkFrom) r0++;
            if (r0 < n) checkFrom = Long.MIN_VALUE;
        }
        for (int r = r0; r < n; r++) {
            if (intervalStart == TraceEvent.NULL) intervalStart = seq[r];
            long x = h[r];
            int o = pending * 8;
            LE_LONG.set(buf, o, x);                // the hash's 8 bytes, little-endian
            pending++;
            count++;
            lastSeq = seq[r];
            boolean hasStored = !none[r];
            if (pending < HashChain.INTERVAL && !hasStored) continue;
            close(seq[r], hasStored ? chain : null, at[r], off[r + 1] - off[r]);
        }
    }

    private void close(long seq, byte[] chain, int at, int len) {
        long start = intervalStart;
        intervalStart = TraceEvent.NULL;
        advance(pending);
        long anchor = anchorSeq;
        anchorSeq = TraceEvent.NULL;
        if (firstBreak != null) return;
        String where = anchor == TraceEvent.NULL ? "" : ", or the checkpoint stored at seq " + anchor
                + " that the check started from,";
        if (chain == null) {
            breakAt(start, seq, where, "checkpoint missing at seq " + seq);
        } else if (len != 32 || !Arrays.equals(last, 0, 32, chain, at, at + len)) {
            breakAt(start, seq, where, "stored " + HexFormat.of().formatHex(chain, at, at + len)
                    + ", computed " + HexFormat.of().formatHex(last));
        }
    }

    /**
     * At the end of the readable rows, by whether the trace was finished ({@link #finish()}) or
     * its recording did not finish ({@link #finishUnfinished()}).
     */
    void finish(boolean complete) {
        if (complete) finish(); else finishUnfinished();
    }

    /**
     * At the end of the readable rows: rows after the last checkpoint are a break (the digest
     * still covers them, as {@link io.ccatrace.trace.chain.ChainVerifier#finish()}).
     */
    private void finish() {
        if (pending == 0) return;
        long start = intervalStart;
        intervalStart = TraceEvent.NULL;
        advance(pending);
        if (firstBreak == null) {
            breakAt(start, lastSeq, "", "the events after the last checkpoint have none");
        }
    }

    /**
     * At the end of the readable rows of a trace whose recording did not finish: its last rows
     * may have no checkpoint yet, which is not a break (the trace is reported incomplete
     * instead); the digest covers them, as {@link io.ccatrace.trace.chain.ChainVerifier#finishUnfinished()}.
     */
    private void finishUnfinished() {
        if (pending == 0) return;
        intervalStart = TraceEvent.NULL;
        advance(pending);
    }

    /** Chains the pending rows' hashes (the first rows of buf) into the running value. */
    private void advance(int rows) {
        pending = 0;
        sha.update(last);
        sha.update(buf, 0, rows * 8);
        last = sha.digest();
    }

    private void breakAt(long start, long seq, String orAnchor, String why) {
        firstBreak = "integrity chain broken: an event in seq " + start + ".." + seq + orAnchor
                + " differs from what was recorded (" + why + ")";
    }

    /** The first break found so far (one line), or null. */
    String firstBreak() {
        return firstBreak;
    }

    /** Rows checked. */
    long count() {
        return count;
    }

    /** The last checkpoint computed (hex). */
    String digestHex() {
        return HexFormat.of().formatHex(last);
    }
}
