package io.ccatrace.replay.checkpoint;

import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.state.ShadowState;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.chain.EventHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * `ccatrace checkpoint`: one pass over the whole trace (integrity chain verified) that
 * writes the {@link ShadowState} just after every row whose seq + 1 is a multiple of
 * `every` into TRACE.ckpt, with the event hash of the row after it (a query reads that row
 * first, so it starts exactly at a batch or row group boundary when `every` is a multiple
 * of the batch size, and checks the checkpoint fits the trace). A trace whose chain is broken gets no checkpoints: queries from a
 * checkpoint skip the rows before it, so those rows must have been checked once.
 */
public final class CheckpointBuilder {
    /** What was written. */
    public record Result(Path file, long events, int checkpoints, long bytes) {
    }

    /**
     * Default events between checkpoints: the Parquet row group (2^20 rows, a multiple of the
     * Arrow batch), so a query never decodes rows of the group before its checkpoint
     * (measured in docs/performance-log.md).
     */
    public static final long DEFAULT_EVERY = 1 << 20;

    private CheckpointBuilder() {
    }

    /**
     * Builds TRACE.ckpt, reading the trace with a read-ahead cursor over every column: an Arrow
     * or Parquet trace decoded on a reader thread with its event chain recomputed on another, a
     * JSONL trace by its row reader, which checks the chain itself (docs/performance-log.md,
     * session 20).
     */
    public static Result build(Path trace, long every, Consumer<String> warnings) throws IOException {
        if (every <= 0) throw new IllegalArgumentException("every must be positive: " + every);
        Path target = CheckpointFile.beside(trace);
        try (TraceCursor c = TraceFiles.openCursor(trace, EnumSet.allOf(Column.class), Long.MIN_VALUE, true, warnings);
             CheckpointWriter w = new CheckpointWriter(target)) {
            ShadowState s = new ShadowState();
            long prev = Long.MIN_VALUE;
            boolean hashNext = false;
            while (c.next()) {
                if (c.seq() != prev + 1 && prev != Long.MIN_VALUE) {
                    throw new BadInputException("seq " + c.seq() + " after seq " + prev
                            + ": checkpoints need rows in dense seq order");
                }
                if (hashNext) w.nextRowHash(EventHash.of(c));
                prev = c.seq();
                s.apply(c);
                hashNext = (c.seq() + 1) % every == 0;
                if (hashNext) w.add(c.seq(), 0, s);
            }
            if (c.chainBreak() != null) {
                throw new BadInputException(c.chainBreak() + "; no checkpoints written for a trace"
                        + " that fails its integrity check");
            }
            TraceBinding b = TraceBinding.ofFile(trace, c.metadata().get(TraceMetadata.TRACE_ID))
                    .withContent(c.rowsRead(), c.computedDigest());
            long bytes = w.finish(b, every);
            return new Result(target, c.rowsRead(), w.count(), bytes);
        }
    }
}
