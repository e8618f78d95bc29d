package io.ccatrace.trace;

import io.ccatrace.trace.parquet.StorageDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    public static Result run(Path path) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<EventKind, Long> perKind = new EnumMap<>(EventKind.class);
        try (VerifyingReader r = TraceFiles.open(path, warnings::add)) {
            while (r.hasNext()) perKind.merge(r.next().kind(), 1L, Long::sum);
            TraceMetadata m = r.metadata();
            String problem = r.chainBreak();
            String stored = m.get(TraceMetadata.DIGEST);
            if (problem == null && stored != null && !stored.equals(r.computedDigest())) {
                problem = "stored digest " + stored + " differs from the events' digest " + r.computedDigest();
            }
            String count = m.get(TraceMetadata.EVENT_COUNT);
            if (problem == null && count != null && !count.equals(Long.toString(r.count()))) {
                problem = "stored event count " + count + " but " + r.count() + " events are readable";
            }
            return new Result(m, r.count(), r.complete(), r.computedDigest(), problem, perKind, warnings,
                    storage(path, m));
        }
    }

    private static String storage(Path path, TraceMetadata m) throws IOException {
        if (TraceFormat.of(path) != TraceFormat.PARQUET || !StorageDigest.present(m)) return null;
        StorageDigest.Outcome o = StorageDigest.check(path, () -> false);
        if (o.matches()) return "storage digest " + o.digest() + " matches the stored bytes";
        return "storage digest differs from row group " + o.firstBad() + " on (seq " + o.firstSeq() + ".."
                + o.lastSeq() + "): the stored bytes changed (re-encoded or corrupted)";
    }
}
