package io.ccatrace.replay.checkpoint;

import io.ccatrace.replay.state.ShadowState;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.StorageCheck;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.chain.EventHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link ShadowState} just after one seq: from the last usable checkpoint at or before
 * it (TRACE.ckpt) plus the rows after that checkpoint, or from the first row when there is
 * none. The hash of the row after the checkpoint (the first one read) is compared with the
 * one stored, so a checkpoint that does not fit the rows is noticed and the query starts over
 * from row 0. The rows before the checkpoint are not read: for a Parquet trace with storage
 * digests their stored bytes are checked on a second thread meanwhile ({@link StorageCheck}),
 * so an edit made there after the checkpoint file was written is still reported.
 */
public final class StateQuery {
    /**
     * The state, the trace's metadata, the checkpoint used (-1: none), the rows applied, and the
     * seq of the first row after the queried one (-1: the trace ends there), which tells a seq
     * past the end from one an imported trace skips.
     */
    public record Result(ShadowState state, TraceMetadata metadata, long checkpointSeq, long rowsRead, long nextSeq) {
    }

    private StateQuery() {
    }

    public static Result at(Path trace, long at, boolean useCheckpoints, Consumer<String> warnings)
            throws IOException {
        if (useCheckpoints) {
            TraceMetadata meta;
            try (RowsFrom r = new RowsFrom(trace, 0, warnings)) {
                meta = r.metadata();
            }
            CheckpointReader ck = CheckpointReader.open(trace, meta.get(TraceMetadata.TRACE_ID), warnings);
            CheckpointReader.Loaded start = ck == null ? null : ck.load(at);
            if (start != null) {
                Set<String> said = new HashSet<>();
                Consumer<String> once = w -> {
                    if (said.add(w)) warnings.accept(w);
                };
                try (StorageCheck skipped = TraceFiles.checkStorage(trace, meta)) {
                    Result r = from(trace, start, at, once);
                    if (r != null) {
                        String broken = skipped == null ? null : skipped.await();
                        if (broken != null) once.accept(trace + ": " + broken);
                        return r;
                    }
                }
            }
        }
        return from(trace, null, at, warnings);
    }

    /** Whether the first row after the checkpoint is the one it was made with. */
    private static boolean fits(CheckpointReader.Loaded start, EventView first) {
        if (first == null) return start.nextRowHash() == 0;
        return first.seq() == start.seq() + 1 && EventHash.of(first.toEvent()) == start.nextRowHash();
    }

    /** Null when the row after the checkpoint is not the one it was made from (warned). */
    private static Result from(Path trace, CheckpointReader.Loaded start, long at,
                               Consumer<String> warnings) throws IOException {
        ShadowState s = start == null ? new ShadowState() : start.state();
        long rows = 0;
        try (RowsFrom r = new RowsFrom(trace, start == null ? Long.MIN_VALUE : start.seq() + 1, warnings)) {
            EventView e = r.next();
            if (start != null && !fits(start, e)) {
                warnings.accept(CheckpointFile.beside(trace) + ": stale checkpoint file: the row at seq "
                        + (start.seq() + 1) + " is not the one it was made from; ignored (rebuild it with:"
                        + " ccatrace checkpoint " + trace + ")");
                return null;
            }
            for (; e != null && e.seq() <= at; e = r.next()) {
                s.apply(e);
                rows++;
            }
            return new Result(s, r.metadata(), start == null ? -1 : start.seq(), rows, e == null ? -1 : e.seq());
        }
    }
}
