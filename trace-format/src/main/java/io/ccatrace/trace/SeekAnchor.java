package io.ccatrace.trace;

import io.ccatrace.trace.chain.HashChain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Where the integrity check of a cursor that starts at a seq begins. Each checkpoint chains
 * from the one stored before it, so a cursor that skips rows starts its check from the last
 * checkpoint stored before its first row: its reader skips only the rows up to that
 * checkpoint, and the rows between it and the first row returned are hashed but not
 * returned. Every interval the cursor returns rows of is thus checked, the first one too. The
 * starting checkpoint is not taken on trust: a wrong one does not chain to the next, so the
 * check breaks there (and says so). Found by reading only the seq and chain columns, from
 * one interval before the seek point (a trace's seqs are dense, so the last checkpoint
 * before it is there); from the first row only if the seqs have gaps.
 */
final class SeekAnchor {
    /** The reader seeks to this seq: the row after the checkpoint (Long.MIN_VALUE: no seek, from the first row). */
    final long seekTo;
    /** The seq of the checkpoint row (TraceEvent.NULL: the chain's all-zero start). */
    final long seq;
    /** The checkpoint value the check starts from (null when {@link #failure} is set). */
    final byte[] value;
    /** Why no checkpoint could be started from, as a chain break (null: one could). */
    final String failure;

    private SeekAnchor(long seekTo, long seq, byte[] value, String failure) {
        this.seekTo = seekTo;
        this.seq = seq;
        this.value = value;
        this.failure = failure;
    }

    /** The check from the file's first row, from the chain's all-zero start. */
    static SeekAnchor fromStart() {
        return new SeekAnchor(Long.MIN_VALUE, TraceEvent.NULL, new byte[32], null);
    }

    /** Where the check of a cursor over path from fromSeq on starts. */
    static SeekAnchor find(Path path, long fromSeq) {
        byte[][] found = new byte[1][];
        long at;
        try {
            at = lastCheckpointBefore(path, fromSeq, fromSeq - HashChain.INTERVAL, found);
            if (at == TraceEvent.NULL) at = lastCheckpointBefore(path, fromSeq, Long.MIN_VALUE, found);
        } catch (IOException | RuntimeException e) {
            return new SeekAnchor(fromSeq, TraceEvent.NULL, null, "integrity chain not checked from seq " + fromSeq
                    + ": the checkpoint before it cannot be read (" + VerifyingReader.describe(e) + ")");
        }
        if (at == TraceEvent.NULL) return fromStart();
        if (found[0].length != 32) {
            return new SeekAnchor(fromSeq, at, null, "integrity chain broken: the checkpoint stored at seq " + at
                    + ", where the check of the rows from seq " + fromSeq + " starts, is " + found[0].length
                    + " bytes, not 32");
        }
        return new SeekAnchor(at + 1, at, found[0], null);
    }

    /**
     * The seq of the last row before fromSeq with a stored checkpoint, reading from the batch
     * that holds scanFrom (Long.MIN_VALUE: the first), with its value in found[0];
     * TraceEvent.NULL when no row read has one.
     */
    private static long lastCheckpointBefore(Path path, long fromSeq, long scanFrom, byte[][] found) throws IOException {
        long at = TraceEvent.NULL;
        try (BatchReader r = TraceFiles.openColumns(path, EnumSet.of(Column.SEQ, Column.CHAIN), w -> { })) {
            if (scanFrom != Long.MIN_VALUE) r.seek(scanFrom);
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                long[] seq = b.longs(Column.SEQ);
                boolean[] none = b.nulls(Column.CHAIN);
                int[] off = b.offsets(Column.CHAIN);
                int[] start = b.starts(Column.CHAIN);
                for (int i = 0, n = b.size(); i < n; i++) {
                    if (seq[i] >= fromSeq) return at;
                    if (none[i]) continue;
                    at = seq[i];
                    found[0] = Arrays.copyOfRange(b.bytes(Column.CHAIN), start[i], start[i] + off[i + 1] - off[i]);
                }
            }
        }
        return at;
    }
}
