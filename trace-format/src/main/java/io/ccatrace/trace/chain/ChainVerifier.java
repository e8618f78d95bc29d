package io.ccatrace.trace.chain;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Recomputes the chain while a trace is read and compares it with the stored checkpoints.
 * Keeps the first break: the checkpoint row where the stored value differs (or is missing)
 * and the range of events that interval covers. A trace written without a chain (a plain
 * JSONL dump) is only hashed, never judged.
 */
public final class ChainVerifier {
    private final HashChain chain;
    private final boolean expectChain;
    private long intervalStartSeq = TraceEvent.NULL;
    private long lastSeq = TraceEvent.NULL;
    private String firstBreak;
    private long firstBreakSeq = TraceEvent.NULL;
    private boolean finished;

    /** A verifier of the current format's chain. */
    public ChainVerifier(boolean expectChain) {
        this(expectChain, FormatVersion.CURRENT);
    }

    /**
     * @param expectChain whether the file claims to carry checkpoints
     * @param formatVersion the file's format version (see {@link FormatVersion#of})
     */
    public ChainVerifier(boolean expectChain, int formatVersion) {
        this.expectChain = expectChain;
        this.chain = new HashChain(formatVersion);
    }

    /** Feeds one row and its stored checkpoint (null when the row has none). */
    public void accept(EventView e, byte[] stored) {
        if (intervalStartSeq == TraceEvent.NULL) intervalStartSeq = e.seq();
        long start = intervalStartSeq;
        boolean boundary = chain.add(e);
        lastSeq = e.seq();
        if (!boundary && (stored == null || !expectChain)) return;
        byte[] computed = chain.checkpoint();
        intervalStartSeq = TraceEvent.NULL;
        if (!expectChain || firstBreak != null) return;
        if (stored == null) {
            breakAt(start, e.seq(), "checkpoint missing at seq " + e.seq());
        } else if (!Arrays.equals(computed, stored)) {
            breakAt(start, e.seq(), "stored " + HexFormat.of().formatHex(stored)
                    + ", computed " + HexFormat.of().formatHex(computed));
        }
    }

    /** Call at the end of the readable events: checks nothing was left unchecked. */
    public void finish() {
        if (finished) return;
        finished = true;
        if (!chain.hasPending()) return;
        chain.checkpoint();
        if (expectChain && firstBreak == null) {
            breakAt(intervalStartSeq, lastSeq, "the events after the last checkpoint have none");
        }
    }

    /**
     * As {@link #finish()} for a trace whose recording did not finish (a JSONL trace cut inside
     * an interval): its last rows have no checkpoint yet, which is not a break; the trace is
     * reported incomplete instead.
     */
    public void finishUnfinished() {
        if (finished) return;
        finished = true;
        if (chain.hasPending()) chain.checkpoint();
    }

    private void breakAt(long start, long seq, String why) {
        firstBreakSeq = seq;
        firstBreak = "integrity chain broken: an event in seq " + start + ".." + seq
                + " differs from what was recorded (" + why + ")";
    }

    /** The first break found so far (one line), or null. */
    public String firstBreak() {
        return firstBreak;
    }

    /** Seq of the checkpoint row where the chain first breaks, or {@link TraceEvent#NULL}. */
    public long firstBreakSeq() {
        return firstBreakSeq;
    }

    public boolean expectsChain() {
        return expectChain;
    }

    /** Events seen. */
    public long count() {
        return chain.count();
    }

    /** Digest recomputed from the events (the last checkpoint value, after finish()). */
    public String digestHex() {
        return chain.lastHex();
    }
}
