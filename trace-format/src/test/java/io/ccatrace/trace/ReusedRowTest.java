package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer contract: a row is read during write() and nothing of it is kept, so a caller
 * may reuse one view object and scribble over its arrays afterwards.
 */
class ReusedRowTest {
    @TempDir
    Path dir;

    /** One reused view; returns the current event's arrays as copies it scribbles over later. */
    static final class ReusedView implements EventView {
        TraceEvent e;
        final List<long[]> handedLongs = new ArrayList<>();
        final List<byte[]> handedBytes = new ArrayList<>();

        long[] hand(long[] a) {
            if (a == null) return null;
            long[] c = a.clone();
            handedLongs.add(c);
            return c;
        }

        void scribble() {
            for (long[] a : handedLongs) Arrays.fill(a, 0x5555L);
            for (byte[] b : handedBytes) Arrays.fill(b, (byte) 0x55);
            handedLongs.clear();
            handedBytes.clear();
        }

        @Override public long seq() { return e.seq(); }
        @Override public long time() { return e.time(); }
        @Override public EventKind kind() { return e.kind(); }
        @Override public int cpu() { return e.cpu(); }
        @Override public long causeSeq() { return e.causeSeq(); }
        @Override public String cmd() { return e.cmd(); }
        @Override public long fid() { return e.fid(); }
        @Override public long[] args() { return hand(e.args()); }
        @Override public String status() { return e.status(); }
        @Override public int index() { return e.index(); }
        @Override public long[] out() { return hand(e.out()); }
        @Override public long realm() { return e.realm(); }
        @Override public long rec() { return e.rec(); }
        @Override public long ipa() { return e.ipa(); }
        @Override public long pa() { return e.pa(); }
        @Override public int level() { return e.level(); }
        @Override public String from() { return e.from(); }
        @Override public String to() { return e.to(); }
        @Override public String fromRipas() { return e.fromRipas(); }
        @Override public String toRipas() { return e.toRipas(); }
        @Override public String pas() { return e.pas(); }
        @Override public String ripas() { return e.ripas(); }
        @Override public String exitReason() { return e.exitReason(); }
        @Override public long esr() { return e.esr(); }
        @Override public long far() { return e.far(); }
        @Override public long hpfar() { return e.hpfar(); }
        @Override public String access() { return e.access(); }
        @Override public String half() { return e.half(); }
        @Override public String outcome() { return e.outcome(); }
        @Override public long value() { return e.value(); }
        @Override public int size() { return e.size(); }

        @Override
        public byte[] payload() {
            if (e.payload() == null) return null;
            byte[] c = e.payload().clone();
            handedBytes.add(c);
            return c;
        }

        @Override
        public TraceEvent toEvent() {
            return e.toBuilder().args(e.args() == null ? null : e.args().clone())
                    .out(e.out() == null ? null : e.out().clone())
                    .payload(e.payload() == null ? null : e.payload().clone()).build();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.jsonl", "t.arrows", "t.parquet"})
    void reusedViewRoundTrips(String name) throws IOException {
        List<TraceEvent> events = TraceRoundTripTest.sample(2 * 4096 + 5);
        Path p = dir.resolve(name);
        ReusedView v = new ReusedView();
        try (TraceWriter w = TraceFiles.create(p, TraceRoundTripTest.meta())) {
            for (TraceEvent e : events) {
                v.e = e;
                w.write(v);
                v.scribble();
            }
        }
        List<TraceEvent> back = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, w -> { throw new AssertionError(w); })) {
            while (r.hasNext()) back.add(r.next());
        }
        assertEquals(events, back);
    }
}
