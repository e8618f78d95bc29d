package io.ccatrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.scenario.Injection;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorder with its writer thread writes the same trace as without, byte for byte, in
 * every format, over every scenario and every injection, also when abandoned part-way; the
 * failures of the calling-thread recorder stay failures with the same messages, and a writer
 * thread that fails never leaves the recorder waiting.
 */
class WriterThreadTest {
    private static final TraceMetadata META = TraceMetadata.empty().with(TraceMetadata.SCENARIO, "writer-thread");
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"arrows", "parquet", "jsonl"})
    void everyScenarioAndInjectionGivesTheSameBytes(String format) throws IOException {
        for (Scenario s : Scenario.values()) {
            // 20,000 events: several chunks of the hand-over and a partial last one
            same(new ScenarioOptions(s, "1.0", 3, 0, 0, 0, 20_000, List.of()), format, Long.MAX_VALUE);
        }
        for (Injection i : Injection.values()) {
            same(new ScenarioOptions(Scenario.BOOT, "1.0", 5, 0, 0, 0, 0, List.of(i)), format, Long.MAX_VALUE);
        }
    }

    /** Abandoned after the event of seq 12,345 (not a chunk boundary): the rows handed over so far, no more. */
    @ParameterizedTest
    @ValueSource(strings = {"arrows", "parquet", "jsonl"})
    void anAbandonedRecordingGivesTheSameBytesAndKeepsEveryRowHandedOver(String format) throws IOException {
        ScenarioOptions o = new ScenarioOptions(Scenario.MULTI_REALM, "1.0", 1, 0, 0, 0, 30_000, List.of());
        Path threaded = same(o, format, 12_345);
        List<String> warnings = new ArrayList<>();
        long rows = 0;
        try (VerifyingReader r = TraceFiles.open(threaded, warnings::add)) {
            while (r.hasNext()) assertEquals(rows++, r.next().seq());
            assertFalse(r.complete());
            assertNull(r.chainBreak());
        }
        // the listener that stops the run sees event 12,345 after the recorder was given it
        assertEquals(12_346, rows);
    }

    /** Records o on the calling thread and with the writer thread (abandoned after seq stopAt); returns the latter. */
    private Path same(ScenarioOptions o, String format, long stopAt) throws IOException {
        Path calling = dir.resolve("calling." + format);
        Path threaded = dir.resolve("threaded." + format);
        DirectPathTest.record(o, new Recorder(TraceFiles.create(calling, META), false), stopAt, e -> { });
        DirectPathTest.record(o, new Recorder(TraceFiles.create(threaded, META), true), stopAt, e -> { });
        assertArrayEquals(Files.readAllBytes(calling), Files.readAllBytes(threaded), format + " " + o);
        return threaded;
    }

    private static ModelEvent event(long seq) {
        return new ModelEvent.NsRead(seq, seq, 0, 0x8000_0000L, 8);
    }

    @Test
    void anIoErrorOnTheWriterThreadIsThrownAtALaterEventAsOnTheCallingThread() {
        IOException full = new IOException("No space left on device");
        FailingWriter w = new FailingWriter(10_000, full);
        Recorder r = new Recorder(w, true);
        UncheckedIOException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(UncheckedIOException.class, () -> {
            for (long seq = 0; seq < 1_000_000; seq++) r.onEvent(event(seq));
        }));
        // what the calling-thread recorder throws for the same failure: the event it failed on, the writer's cause
        assertEquals("cannot write trace event 10000", e.getMessage());
        assertSame(full, e.getCause());
        assertTimeoutPreemptively(NO_HANG, () -> assertThrows(UncheckedIOException.class, () -> r.onEvent(event(2_000_000))));
        assertTimeoutPreemptively(NO_HANG, r::abandon); // already thrown: abandon ends the trace quietly
        assertTrue(w.abandoned);
        assertEquals(10_000, w.rows);
    }

    @Test
    void anIoErrorAtTheLastEventsIsThrownByCloseAndTheTraceIsLeftIncomplete() {
        IOException gone = new IOException("/x/t.arrows: no such file or directory");
        FailingWriter w = new FailingWriter(100, gone);
        Recorder r = new Recorder(w, true);
        for (long seq = 0; seq < 200; seq++) r.onEvent(event(seq)); // all in the first chunk: nothing fails yet
        UncheckedIOException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(UncheckedIOException.class, r::close));
        assertSame(gone, e.getCause());
        assertTrue(w.abandoned, "the 100 rows written stay readable, as an incomplete trace");
        assertFalse(w.closed);
    }

    @Test
    void anyFailureOfTheWriterThreadReachesTheRecorderWithoutHanging() {
        IllegalStateException bug = new IllegalStateException("a bug in the writer");
        FailingWriter w = new FailingWriter(5_000, bug);
        Recorder r = new Recorder(w, true);
        IllegalStateException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(IllegalStateException.class, () -> {
            for (long seq = 0; seq < 1_000_000; seq++) r.onEvent(event(seq));
        }));
        assertSame(bug, e);
    }

    @Test
    void outOfOrderSeqAndAClosedRecorderFailOnTheCallingThreadWithTheWritersMessages() throws IOException {
        String[] messages = new String[2];
        for (boolean thread : new boolean[] {false, true}) {
            Recorder r = new Recorder(TraceFiles.create(dir.resolve(thread + ".arrows"), META), thread);
            r.onEvent(event(5));
            IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> r.onEvent(event(5)));
            r.close();
            IllegalStateException closed = assertThrows(IllegalStateException.class, () -> r.onEvent(event(6)));
            String m = order.getMessage() + " | " + closed.getMessage();
            messages[thread ? 1 : 0] = m;
        }
        assertEquals("seq 5 after 5: events must be written in increasing seq order | trace writer is closed", messages[0]);
        assertEquals(messages[0], messages[1]);
    }

    @Test
    void writtenCountsWhatTheWriterThreadWrote() throws IOException {
        assertEquals(-1, new Recorder(new FailingWriter(0, null)).writerCpuNanos(), "no writer thread");
        FailingWriter w = new FailingWriter(Long.MAX_VALUE, null);
        Recorder r = new Recorder(w, true);
        assertEquals(-1, new Recorder(w).written(), "no writer thread: nothing to follow");
        for (long seq = 0; seq < 3 * WriterThread.CHUNK + 7; seq++) r.onEvent(event(seq));
        assertTrue(r.written() <= 3 * WriterThread.CHUNK, "the last, partial chunk waits for more: " + r.written());
        r.close();
        assertEquals(3 * WriterThread.CHUNK + 7, r.written());
        assertEquals(3 * WriterThread.CHUNK + 7, w.rows);
        assertTrue(w.closed);
        if (java.lang.management.ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
            assertTrue(r.writerCpuNanos() >= 0, "the writer thread's CPU time, known once closed");
        }
    }

    /** A writer that counts rows and fails with the given exception at row failAt (numbered from 0). */
    private static final class FailingWriter implements TraceWriter {
        private final long failAt;
        private final Exception failure;
        long rows;
        boolean abandoned;
        boolean closed;

        FailingWriter(long failAt, Exception failure) {
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public void write(EventView row) throws IOException {
            if (rows == failAt) {
                if (failure instanceof IOException) throw (IOException) failure;
                throw (RuntimeException) failure;
            }
            rows++;
        }

        @Override
        public void abandon() {
            abandoned = true;
        }

        @Override
        public void close() {
            if (!abandoned) closed = true;
        }
    }
}
