package io.ccatrace.replay.checkpoint;

import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.state.ShadowState;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.VerifyingReader;
import io.ccatrace.trace.chain.EventHash;
import java.io.IOException;
import java.nio.file.Path;
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

    public static Result build(Path trace, long every, Consumer<String> warnings) throws IOException {
        if (every <= 0) throw new IllegalArgumentException("every must be positive: " + every);
        Path target = CheckpointFile.beside(trace);
        try (VerifyingReader r = TraceFiles.open(trace, warnings);
             CheckpointWriter w = new CheckpointWriter(target)) {
            ShadowState s = new ShadowState();
            long prev = Long.MIN_VALUE;
            boolean hashNext = false;
            while (r.hasNext()) {
                TraceEvent e = r.next();
                if (e.seq() != prev + 1 && prev != Long.MIN_VALUE) {
                    throw new BadInputException("seq " + e.seq() + " after seq " + prev
                            + ": checkpoints need rows in dense seq order");
                }
                if (hashNext) w.nextRowHash(EventHash.of(e));
                prev = e.seq();
                s.apply(e);
                hashNext = (e.seq() + 1) % every == 0;
                if (hashNext) w.add(e.seq(), 0, s);
            }
            if (r.chainBreak() != null) {
                throw new BadInputException(r.chainBreak() + "; no checkpoints written for a trace"
                        + " that fails its integrity check");
            }
            TraceBinding b = TraceBinding.ofFile(trace, r.metadata().get(TraceMetadata.TRACE_ID))
                    .withContent(r.count(), r.computedDigest());
            long bytes = w.finish(b, every);
            return new Result(target, r.count(), w.count(), bytes);
        }
    }
}
