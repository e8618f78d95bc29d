package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.arrow.ArrowStreamSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The row cursor gives the row reader's rows, through every accessor, in every format. */
class CursorTest {
    /** Rows per Arrow record batch: edge rows at its boundaries too. */
    private static final int BATCH = ArrowStreamSink.BATCH;

    @TempDir
    Path dir;

    /** Synthetic rows plus empty and null lists and payloads, some at batch boundaries. */
    static List<TraceEvent> edgy(int n) {
        List<TraceEvent> l = new ArrayList<>();
        for (TraceEvent e : TraceRoundTripTest.sample(n)) {
            long s = e.seq();
            TraceEvent.Builder b = e.toBuilder();
            if (s % 7 == 0 || s == 65535 || s == 65536 || s == BATCH - 1 || s == BATCH) b.args(new long[0]);
            if (s % 11 == 0 || s == 65536 || s == BATCH) b.payload(new byte[0]);
            if (s % 13 == 0) b.out(null);
            if (s % 17 == 0) b.out(new long[] {-1L, 0L, Long.MAX_VALUE});
            l.add(b.build());
        }
        return l;
    }

    /** A TraceEvent built only from the view's accessors (not from toEvent()). */
    static TraceEvent copy(EventView v) {
        long[] args = v.args();
        long[] out = v.out();
        byte[] payload = v.payload();
        return TraceEvent.builder(v.seq(), v.kind()).time(v.time()).cpu(v.cpu()).causeSeq(v.causeSeq())
                .cmd(v.cmd()).fid(v.fid()).args(args == null ? null : args.clone()).status(v.status())
                .index(v.index()).out(out == null ? null : out.clone()).realm(v.realm()).rec(v.rec())
                .ipa(v.ipa()).pa(v.pa()).level(v.level()).from(v.from()).to(v.to())
                .fromRipas(v.fromRipas()).toRipas(v.toRipas()).pas(v.pas()).ripas(v.ripas())
                .exitReason(v.exitReason()).esr(v.esr()).far(v.far()).hpfar(v.hpfar())
                .access(v.access()).half(v.half()).outcome(v.outcome()).value(v.value())
                .size(v.size()).payload(payload == null ? null : payload.clone()).build();
    }

    static List<TraceEvent> rows(Path p) throws IOException {
        List<TraceEvent> l = new ArrayList<>();
        try (TraceReader r = TraceFiles.open(p, w -> { })) {
            while (r.hasNext()) l.add(r.next());
        }
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "t.jsonl"})
    void cursorGivesTheRowsWritten(String name) throws IOException {
        List<TraceEvent> events = edgy(65536 + 4100);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, events);
        List<String> warnings = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int i = 0;
        try (TraceCursor c = TraceFiles.openCursor(p, Long.MIN_VALUE, warnings::add)) {
            assertEquals("1.0", c.metadata().get(TraceMetadata.RMM_MODEL));
            while (c.next()) {
                TraceEvent want = events.get(i++);
                assertEquals(want, copy(c), "row " + want.seq());
                assertEquals(want, c.toEvent(), "row " + want.seq());
                assertEquals(want.isInput(), c.isInput());
                for (String s : new String[] {c.cmd(), c.status(), c.from(), c.to(), c.exitReason()}) {
                    if (s != null) assertSame(seen.computeIfAbsent(s, k -> s), s, "one String object per name");
                }
            }
            assertFalse(c.next(), "stays at the end");
        }
        assertEquals(events.size(), i);
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet"})
    void listArraysAreReusedAndSized(String name) throws IOException {
        List<TraceEvent> events = edgy(5000);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, events);
        Map<Integer, long[]> byLength = new HashMap<>();
        try (TraceCursor c = TraceFiles.openCursor(p)) {
            while (c.next()) {
                long[] a = c.args();
                if (a == null) continue;
                long[] first = byLength.computeIfAbsent(a.length, k -> a);
                assertSame(first, a, "args arrays are reused per length (documented)");
            }
        }
        assertTrue(byLength.containsKey(0), "empty args lists were read back as empty, not null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "t.jsonl"})
    void seekStartsAtTheRequestedSeq(String name) throws IOException {
        List<TraceEvent> events = edgy(65536 + 8200);
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, events);
        long last = events.get(events.size() - 1).seq();
        long[] points = name.endsWith(".jsonl") ? new long[] {0, 65536, last}
                : new long[] {0, 1, 4095, 4096, BATCH - 1, BATCH, BATCH + 1, 65535, 65536, 65537, last - 1, last};
        for (long from : points) {
            try (TraceCursor c = TraceFiles.openCursor(p, from, w -> { })) {
                for (int k = 0; k < 3 && from + k <= last; k++) {
                    assertTrue(c.next(), "a row at " + (from + k));
                    assertEquals(events.get((int) (from + k)), copy(c), "from " + from + ", row " + k);
                }
            }
        }
        try (TraceCursor c = TraceFiles.openCursor(p, last + 1, w -> { })) {
            assertFalse(c.next(), "nothing at or after last + 1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi-realm.parquet", "host-fuzz.parquet", "io-storm.parquet"})
    void recordedTracesReadTheSameAsRows(String sample) throws IOException {
        Path recorded = Path.of("..", "sample-traces", "scenarios", sample);
        List<TraceEvent> want = rows(recorded);
        Path arrows = dir.resolve("r.arrows");
        TraceMetadata m;
        try (TraceReader r = TraceFiles.open(recorded, w -> { })) {
            m = r.metadata();
        }
        try (TraceWriter w = TraceFiles.create(arrows, m)) {
            for (TraceEvent e : want) w.write(e);
        }
        for (Path p : new Path[] {recorded, arrows}) {
            int i = 0;
            try (TraceCursor c = TraceFiles.openCursor(p)) {
                while (c.next()) assertEquals(want.get(i++), copy(c), p + " row " + (i - 1));
            }
            assertEquals(want.size(), i, p.toString());
            long mid = want.get(want.size() / 2).seq();
            try (TraceCursor c = TraceFiles.openCursor(p, mid, w -> { })) {
                assertTrue(c.next());
                assertEquals(mid, c.seq());
            }
        }
    }
}
