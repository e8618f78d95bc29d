package io.ccatrace.trace;

import io.ccatrace.trace.parquet.StorageDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a whole trace and judges it: integrity chain, stored digest and event count against
 * the recomputed ones, whether the recording finished, and the count of events per kind.
 */
public final class TraceVerification {
    /**
     * The verdict. problem is the first thing wrong (one line) or null when intact; storage is
     * what the storage digest of a Parquet trace says (one line; null when it has none). Only
     * the event chain decides: stored bytes may differ with every event unchanged.
     */
    public record Result(TraceMetadata metadata, long events, boolean complete, String digest,
                         String problem, Map<EventKind, Long> perKind, List<String> warnings, String storage) {
        public boolean intact() {
            return problem == null && complete;
        }
    }

    private TraceVerification() {
    }

    /**
     * Reads the trace and judges it. An Arrow or Parquet trace is read in batches, decoded on a
     * reader thread with its event chain recomputed on another ({@link TraceFiles#openCursor(Path,
     * java.util.Set, long, boolean, Consumer)} over every column): the same verdict as the row
     * reader's, several times faster and in memory that does not grow with the trace
     * (docs/performance-log.md, session 20). A JSONL trace is read row by row, and so is a
     * file the batch decoders refuse as corrupt: the row reader then gives its verdict (for
     * instance the chain interval a damaged page falls in) or its own one-line error, as before.
     */
    public static Result run(Path path) throws IOException {
        if (TraceFormat.of(path) == TraceFormat.JSONL) return byRows(path);
        try {
            return byBatches(path);
        } catch (TraceFormatException corrupt) {
            return byRows(path);
        }
    }

    private static Result byBatches(Path path) throws IOException {
        List<String> warnings = new ArrayList<>();
        long[] kinds = new long[EventKind.values().length];
        try (TraceCursor c = TraceFiles.openCursor(path, EnumSet.allOf(Column.class), Long.MIN_VALUE, true,
                warnings::add)) {
            while (c.next()) kinds[c.kind().ordinal()]++;
            Map<EventKind, Long> perKind = new EnumMap<>(EventKind.class);
            for (EventKind k : EventKind.values()) {
                if (kinds[k.ordinal()] > 0) perKind.put(k, kinds[k.ordinal()]);
            }
            return verdict(path, c.metadata(), c.rowsRead(), c.complete(), c.computedDigest(), c.chainBreak(),
                    perKind, warnings);
        }
    }

    /** The verdict of the row reader, for any format (the reference the batch path keeps to). */
    static Result byRows(Path path) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<EventKind, Long> perKind = new EnumMap<>(EventKind.class);
        try (VerifyingReader r = TraceFiles.open(path, warnings::add)) {
            while (r.hasNext()) perKind.merge(r.next().kind(), 1L, Long::sum);
            return verdict(path, r.metadata(), r.count(), r.complete(), r.computedDigest(), r.chainBreak(),
                    perKind, warnings);
        }
    }

    private static Result verdict(Path path, TraceMetadata m, long count, boolean complete, String digest,
                                  String chainBreak, Map<EventKind, Long> perKind, List<String> warnings)
            throws IOException {
        String problem = chainBreak;
        String stored = m.get(TraceMetadata.DIGEST);
        if (problem == null && stored != null && !stored.equals(digest)) {
            problem = "stored digest " + stored + " differs from the events' digest " + digest;
        }
        String storedCount = m.get(TraceMetadata.EVENT_COUNT);
        if (problem == null && storedCount != null && !storedCount.equals(Long.toString(count))) {
            problem = "stored event count " + storedCount + " but " + count + " events are readable";
        }
        return new Result(m, count, complete, digest, problem, perKind, warnings, storage(path, m));
    }

    private static String storage(Path path, TraceMetadata m) throws IOException {
        if (TraceFormat.of(path) != TraceFormat.PARQUET || !StorageDigest.present(m)) return null;
        StorageDigest.Outcome o = StorageDigest.check(path, () -> false);
        if (o.matches()) return "storage digest " + o.digest() + " matches the stored bytes";
        return "storage digest differs from row group " + o.firstBad() + " on (seq " + o.firstSeq() + ".."
                + o.lastSeq() + "): the stored bytes changed (re-encoded or corrupted)";
    }
}
