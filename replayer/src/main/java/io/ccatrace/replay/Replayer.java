package io.ccatrace.replay;

import io.ccatrace.model.rmi.ModelFailure;
import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.replay.divergence.CutWindow;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.divergence.DivergenceSummary;
import io.ccatrace.replay.divergence.WindowComparator;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.input.InputFeeder;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.chain.BatchContentHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deterministic re-execution of a trace: rebuilds the recorded machine (or the same machine
 * on another RMM model), feeds it the trace's inputs one by one and compares, per input,
 * every effect the machine produces with the recorded one. Streaming: one window of rows is
 * held at a time. After a divergence the replay goes on from the replayed machine's own
 * state (it follows its own outcome, not the recording's).
 */
public final class Replayer {
    /**
     * The columns the replaying thread reads at every row besides seq, kind and time (which
     * every row has): cause_seq, read with an input's and a matched effect's position
     * ({@link InPlaceReplay}), and the inputs' own columns ({@link InputFeeder#READS}).
     */
    static final Set<Column> READ_BY_ROW = readByRow();
    /** The columns {@link #openCursor} has handed over sparsely: the others. */
    private static final Set<Column> SPARSE = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(READ_BY_ROW)));
    private final ReplayOptions options;
    private EventListener also;

    private static Set<Column> readByRow() {
        EnumSet<Column> s = EnumSet.copyOf(InputFeeder.READS);
        s.add(Column.CAUSE_SEQ);
        return Collections.unmodifiableSet(s);
    }

    public Replayer(ReplayOptions options) {
        this.options = options;
    }

    /** Also sends every event of the replayed machine to l (to re-record it as a trace). */
    public Replayer alsoTo(EventListener l) {
        this.also = l;
        return this;
    }

    /** Replays the whole trace (or up to options.until); each divergence goes to sink. */
    public ReplayResult run(TraceReader reader, Consumer<Divergence> sink) throws IOException {
        return run(reader.metadata(), new WindowReader(reader), sink);
    }

    /**
     * Replays the trace under a row cursor, with no copy of the recorded rows
     * ({@link InPlaceReplay}): on this thread, so open the cursor with read-ahead
     * ({@link #openCursor}) to decode and check the chain on another one. The results, the
     * reading and the cursor's warnings are those of a sequential replay. With
     * {@link #alsoTo} the rows are read ahead on a second thread instead ({@link ReadAhead}),
     * so that the listener gets the events of exactly the windows a sequential replay runs.
     */
    public ReplayResult run(TraceCursor cursor, Consumer<Divergence> sink) throws IOException {
        return run(cursor, null, sink);
    }

    /**
     * As {@link #run(TraceCursor, Consumer)}, for a cursor opened with warnings as its warning
     * consumer: each warning is given on this thread just before the window it was read
     * with, so exactly the warnings of a sequential replay are given.
     */
    public ReplayResult run(TraceCursor cursor, ReplayWarnings warnings, Consumer<Divergence> sink) throws IOException {
        if (also == null) {
            TraceMetadata meta = cursor.metadata();
            Machine machine = MachineSetup.machine(meta, options.rmm());
            ReplayCapture capture = new ReplayCapture();
            machine.addListener(capture);
            return new InPlaceReplay(cursor, machine, capture, options).run(MachineSetup.recordedModel(meta), sink);
        }
        try (ReadAhead windows = new ReadAhead(WindowReader.cursorOf(cursor), options.until(), warnings)) {
            return run(cursor.metadata(), windows, sink);
        }
    }

    /**
     * A cursor over every column of a trace for {@link #run(TraceCursor, ReplayWarnings, Consumer)}:
     * Arrow and Parquet batches are decoded and every row's keyed content hash computed
     * ({@link BatchContentHash}, which the replay compares first) on a reader thread of the
     * cursor's own while the replay runs on the caller's. The integrity is checked by the
     * storage digests of a Parquet trace that has them, on a third thread (the reader thread
     * recomputing the event chain was the replay's critical path), else by the event chain
     * on the reader thread ({@link TraceFiles#openDigestCheckedCursor}). The columns this
     * thread never reads row by row (all but those {@link InputFeeder#READS} feeds inputs
     * from; effects are compared by their hashes) come sparsely from a Parquet reader: no
     * null cells to fill and hash over for the reader thread. cause_seq comes densely although
     * inputs have none: it is read at every row, and a sparse read there (presence bit, rank,
     * bit count) cost the replaying thread more than the null cells cost the reader.
     */
    public static TraceCursor openCursor(Path trace, Consumer<String> warnings) throws IOException {
        return TraceFiles.openDigestCheckedCursor(trace, warnings, new BatchContentHash(), SPARSE);
    }

    /** Replays the windows of a trace with this metadata (e.g. from a row cursor). */
    public ReplayResult run(TraceMetadata meta, WindowSource windows, Consumer<Divergence> sink) throws IOException {
        String recorded = MachineSetup.recordedModel(meta);
        Machine machine = MachineSetup.machine(meta, options.rmm());
        ReplayCapture capture = new ReplayCapture();
        machine.addListener(capture);
        if (also != null) machine.addListener(also);
        DivergenceSummary summary = new DivergenceSummary();
        long rows = 0;
        long inputs = 0;
        long unjudged = 0;
        long cutSeq = -1;
        String stop = null;
        for (Window w = windows.next(); w != null; w = windows.next()) {
            if (options.until() >= 0 && w.seq() > options.until()) break;
            capture.clear();
            rows += w.effects().size() + (w.input() != null ? 1 : 0);
            if (w.input() != null) {
                inputs++;
                try {
                    InputFeeder.feed(machine, w.input());
                } catch (BadInputException e) {
                    throw e;
                } catch (RuntimeException failure) {
                    // the model broke one of its own invariants: report it, the machine is gone
                    RuntimeException e = ModelFailure.unwrap(failure);
                    Divergence d = WindowComparator.modelError(w.input(), e);
                    summary.add(d);
                    sink.accept(d);
                    stop = "the " + machine.config().rmmModel() + " model failed at seq "
                            + w.seq() + ": " + e.getMessage();
                    break;
                }
            }
            List<? extends EventView> replayed = capture.effects();
            if (windows.lastWindowCut()) {
                int keep = CutWindow.judged(w.effects(), replayed);
                if (keep < replayed.size()) {
                    unjudged = replayed.size() - keep;
                    cutSeq = w.seq();
                    replayed = replayed.subList(0, keep);
                }
            }
            Divergence d = WindowComparator.compare(w.input(), w.effects(), capture.input(), replayed);
            if (d != null) {
                summary.add(d);
                sink.accept(d);
                if (options.maxDivergences() > 0 && summary.total() >= options.maxDivergences()) {
                    stop = "stopped at the divergence limit (" + options.maxDivergences() + ")";
                    break;
                }
            }
        }
        // every window source checks that seqs are dense from 0: the last row replayed is rows - 1
        return new ReplayResult(recorded, machine.config().rmmModel(), rows, inputs, rows - 1, stop,
                summary, unjudged, cutSeq);
    }
}
