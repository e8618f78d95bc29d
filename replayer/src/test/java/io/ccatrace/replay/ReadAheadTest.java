package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read-ahead thread hands the replaying thread exactly the windows the sequential
 * WindowReader gives, across many block boundaries, and the same errors after the same
 * windows; it stops where a replay with --until stops, and close() ends it at any point.
 */
class ReadAheadTest {
    private static final ScenarioTraces TRACE = ScenarioTraces.record(Scenario.MULTI_REALM, 5, 12_000);

    /** A cursor showing every row through one reused, refilled view; counts the rows read. */
    private static final class Reusing implements WindowReader.Cursor {
        private final ListCursor rows;

        Reusing(List<TraceEvent> rows) {
            this.rows = new ListCursor(TRACE.metadata(), rows);
        }

        @Override
        public boolean next() {
            return rows.next();
        }

        @Override
        public EventView row() {
            return rows;
        }

        int read() {
            return rows.read;
        }
    }

    /** Every window as immutable rows (input first, null when the window has none). */
    private static List<List<TraceEvent>> windows(WindowSource s, List<Throwable> error) {
        List<List<TraceEvent>> out = new ArrayList<>();
        try {
            for (Window w = s.next(); w != null; w = s.next()) {
                Window c = w.copy();
                List<TraceEvent> rows = new ArrayList<>();
                rows.add((TraceEvent) c.input());
                for (EventView e : c.effects()) rows.add((TraceEvent) e);
                out.add(rows);
            }
        } catch (IOException | RuntimeException e) {
            error.add(e);
        }
        return out;
    }

    /** A cursor that gives a warning to its consumer while reading every 700th row and at the end. */
    private static final class Warning implements WindowReader.Cursor {
        private final Reusing in = new Reusing(TRACE.rows());
        private java.util.function.Consumer<String> warnings;

        @Override
        public boolean next() {
            boolean more = in.next();
            if (!more) {
                warnings.accept("end after " + in.read() + " rows");
            } else if (in.read() % 700 == 0) {
                warnings.accept("row " + (in.read() - 1));
            }
            return more;
        }

        @Override
        public EventView row() {
            return in.row();
        }
    }

    @Test
    void warningsComeBeforeTheSameWindowsAsSequentially() throws IOException {
        int all = windows(new WindowReader(new Reusing(TRACE.rows())), new ArrayList<>()).size();
        for (int stopAfter : new int[] {0, 1, 3, 400, all - 1, all}) {
            Warning seq = new Warning();
            List<String> expected = new ArrayList<>();
            seq.warnings = expected::add;
            Warning ahead = new Warning();
            List<String> given = new ArrayList<>();
            ReplayWarnings relay = new ReplayWarnings(given::add);
            ahead.warnings = relay;
            WindowReader sequential = new WindowReader(seq);
            try (ReadAhead r = new ReadAhead(ahead, -1, relay)) {
                for (int i = 0; i < stopAfter; i++) {
                    Window a = sequential.next();
                    Window b = r.next();
                    assertEquals(a == null, b == null);
                    assertEquals(expected, given, "before window " + i);
                }
                if (stopAfter < all) {                    // let it read ahead (a loaded box is slow)
                    for (int t = 0; t < 200 && ahead.in.read() <= seq.in.read(); t++) Thread.sleep(50);
                    assertTrue(ahead.in.read() > seq.in.read(), "read ahead: " + ahead.in.read() + " vs " + seq.in.read());
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(expected, given, "stopped after " + stopAfter + " windows");
            relay.accept("after the replay");
            assertEquals("after the replay", given.get(given.size() - 1), "straight through once closed");
        }
    }

    /** Every window read through a ReadAhead (closed after). */
    private static List<List<TraceEvent>> readAhead(WindowReader.Cursor c, List<Throwable> error) {
        try (ReadAhead r = new ReadAhead(c, -1)) {
            return windows(r, error);
        }
    }

    @Test
    void theSameWindowsAsTheSequentialReader() {
        List<TraceEvent> rows = TRACE.rows();
        assertTrue(rows.size() > 8 * ReadAhead.BLOCKS * ReadAhead.BLOCK_ROWS / 4, "enough rows to cross blocks");
        List<Throwable> e1 = new ArrayList<>();
        List<Throwable> e2 = new ArrayList<>();
        List<List<TraceEvent>> sequential = windows(new WindowReader(new Reusing(rows)), e1);
        List<List<TraceEvent>> ahead = readAhead(new Reusing(rows), e2);
        assertEquals(List.of(), e1);
        assertEquals(List.of(), e2);
        assertEquals(sequential.size(), ahead.size());
        assertEquals(sequential, ahead);
        assertEquals(rows.size(), ahead.stream().mapToInt(w -> w.size() - (w.get(0) == null ? 1 : 0)).sum());
    }

    @Test
    void aSeqGapIsThrownAfterTheSameWindows() {
        for (int at : new int[] {0, 1, 1023, 1024, 5000, TRACE.rows().size() - 2}) {   // the gap is at the next row
            List<TraceEvent> rows = new ArrayList<>(TRACE.rows());
            rows.remove(at);
            List<Throwable> e1 = new ArrayList<>();
            List<Throwable> e2 = new ArrayList<>();
            List<List<TraceEvent>> sequential = windows(new WindowReader(new Reusing(rows)), e1);
            List<List<TraceEvent>> ahead = readAhead(new Reusing(rows), e2);
            assertEquals(sequential, ahead, "row " + at + " removed");
            assertEquals(1, e2.size(), "row " + at + " removed");
            assertTrue(e2.get(0) instanceof BadInputException, e2.toString());
            assertEquals(e1.get(0).getMessage(), e2.get(0).getMessage());
        }
    }

    @Test
    void replayWithUntilReadsAsFarAsTheSequentialReplay() throws IOException {
        List<TraceEvent> rows = TRACE.rows();
        long until = rows.get(rows.size() / 3).seq();
        ReplayOptions o = new ReplayOptions(null, until, 0);
        Reusing seqCursor = new Reusing(rows);
        Reusing aheadCursor = new Reusing(rows);
        List<Divergence> d1 = new ArrayList<>();
        List<Divergence> d2 = new ArrayList<>();
        ReplayResult a = new Replayer(o).run(TRACE.metadata(), new WindowReader(seqCursor), d1::add);
        ReplayResult b;
        try (ReadAhead r = new ReadAhead(aheadCursor, until)) {
            b = new Replayer(o).run(TRACE.metadata(), r, d2::add);
        }
        assertEquals(List.of(), d2);
        assertEquals(List.of(a.rows(), a.inputs(), a.lastSeq()), List.of(b.rows(), b.inputs(), b.lastSeq()));
        assertTrue(b.lastSeq() >= until && b.lastSeq() < rows.size() - 1, "stopped at " + b.lastSeq());
        assertEquals(seqCursor.read(), aheadCursor.read(), "rows read");
    }

    @Test
    void closeStopsTheReadingThreadAtAnyPoint() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int windows : new int[] {0, 1, 700}) {
                Reusing c = new Reusing(TRACE.rows());
                try (ReadAhead r = new ReadAhead(c, -1)) {
                    for (int i = 0; i < windows; i++) r.next();
                }
                int after = c.read();
                Thread.sleep(20);
                assertEquals(after, c.read(), "the cursor is not moved after close()");
                assertTrue(after < TRACE.rows().size(), "a ring of blocks bounds the read-ahead: " + after);
            }
        });
    }

    @Test
    void aFailingCursorIsThrownAfterTheCompleteWindows() {
        List<TraceEvent> rows = TRACE.rows();
        int failAt = 3000;
        WindowReader.Cursor failing = new WindowReader.Cursor() {
            private final Reusing in = new Reusing(rows);

            @Override
            public boolean next() throws IOException {
                if (in.read() == failAt) throw new IOException("disk on fire");
                return in.next();
            }

            @Override
            public EventView row() {
                return in.row();
            }
        };
        List<Throwable> e = new ArrayList<>();
        List<List<TraceEvent>> ahead = readAhead(failing, e);
        assertEquals("disk on fire", e.get(0).getMessage());
        int delivered = ahead.stream().mapToInt(w -> w.size() - (w.get(0) == null ? 1 : 0)).sum();
        assertTrue(delivered < failAt, delivered + " rows");
        List<List<TraceEvent>> sequential = windows(new WindowReader(new Reusing(rows.subList(0, failAt))), new ArrayList<>());
        assertEquals(sequential.subList(0, ahead.size()), ahead);
        assertEquals(ahead.size() + 1, sequential.size(), "only the window the failure cut is missing");
    }
}
