package io.ccatrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each model event record lands in the columns docs/trace-format.md gives its kind. */
class RecorderTest {
    private static final long N = ModelEvent.NONE;
    private final List<TraceEvent> rows = new ArrayList<>();
    private boolean closed;
    private final Recorder recorder = new Recorder(new TraceWriter() {
        @Override
        public void write(EventView event) {
            rows.add(event.toEvent());
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void abandon() {
            throw new AssertionError("a recording that did not fail is closed, not abandoned");
        }
    });

    private TraceEvent record(ModelEvent e) {
        recorder.onEvent(e);
        return rows.get(rows.size() - 1);
    }

    @Test
    void rmiCall() {
        TraceEvent r = record(new ModelEvent.RmiCall(3, 100, 1, 0xC4000153L, "RMI_DATA_CREATE",
                new long[] {1, 2}, "RMI_ERROR_RTT", 2, new long[] {9}));
        assertEquals(EventKind.RMI_CALL, r.kind());
        assertTrue(r.isInput());
        assertEquals(3, r.seq());
        assertEquals(100, r.time());
        assertEquals(1, r.cpu());
        assertEquals(0xC4000153L, r.fid());
        assertEquals("RMI_DATA_CREATE", r.cmd());
        assertArrayEquals(new long[] {1, 2}, r.args());
        assertEquals("RMI_ERROR_RTT", r.status());
        assertEquals(2, r.index());
        assertArrayEquals(new long[] {9}, r.out());
        assertEquals(TraceEvent.NULL, r.causeSeq());
    }

    @Test
    void nsWriteCarriesBytesAndSize() {
        TraceEvent r = record(new ModelEvent.NsWrite(0, 0, 0, 0x8000_0000L, new byte[] {1, 2, 3}));
        assertEquals(0x8000_0000L, r.pa());
        assertEquals(3, r.size());
        assertArrayEquals(new byte[] {1, 2, 3}, r.payload());
        TraceEvent read = record(new ModelEvent.NsRead(1, 0, 0, 0x8000_1000L, 64));
        assertEquals(64, read.size());
        assertNull(read.payload());
    }

    @Test
    void guestStepColumnsDependOnOp() {
        TraceEvent w = record(new ModelEvent.GuestStep(0, 0, 0x88001000L, "write", N, null,
                0x3000, 0x55, 4, false));
        assertEquals("write", w.cmd());
        assertEquals(0x3000, w.ipa());
        assertEquals(0x55, w.value());
        assertEquals(4, w.size());
        assertEquals(0, w.index());
        TraceEvent c = record(new ModelEvent.GuestStep(1, 0, 0x88001000L, "call", 0xC4000196L,
                new long[] {7}, N, N, 0, false));
        assertEquals(0xC4000196L, c.fid());
        assertArrayEquals(new long[] {7}, c.args());
        assertEquals(TraceEvent.NULL_INT, c.size());
        assertEquals(TraceEvent.NULL_INT, c.index());
        TraceEvent h = record(new ModelEvent.GuestStep(2, 0, 0x88001000L, "host_call", N, null,
                0x5000, 9, 0, false));
        assertEquals(0x5000, h.ipa());
        assertEquals(9, h.value());
    }

    @Test
    void rsiCallKeepsX0AsValue() {
        TraceEvent r = record(new ModelEvent.RsiCall(5, 0, 4, 0x88000000L, 0x88001000L,
                0xC4000190L, "RSI_VERSION", new long[] {1}, 0, "RSI_SUCCESS", new long[] {2}));
        assertFalse(r.isInput());
        assertEquals(4, r.causeSeq());
        assertEquals(0x88000000L, r.realm());
        assertEquals(0, r.value());
        assertEquals("RSI_SUCCESS", r.status());
    }

    @Test
    void recExitRipasChangeAndHostCall() {
        TraceEvent rc = record(new ModelEvent.RecExit(6, 0, 4, 1, 2, "RIPAS_CHANGE", 0, 0, 0,
                new long[] {0}, 0x1000, 0x3000, "RAM", N));
        assertEquals(0x1000, rc.ipa());
        assertEquals(0x3000, rc.value());
        assertEquals("RAM", rc.ripas());
        assertEquals("RIPAS_CHANGE", rc.exitReason());
        TraceEvent hc = record(new ModelEvent.RecExit(7, 0, 4, 1, 2, "HOST_CALL", 0, 0, 0,
                new long[] {0}, N, N, null, 42));
        assertEquals(42, hc.value());
        assertEquals(TraceEvent.NULL, hc.ipa());
    }

    @Test
    void effectsCarryCauseAndStates() {
        TraceEvent f = record(new ModelEvent.Stage2Fault(8, 0, 4, 1, 2, 0x9000, "READ",
                "PROTECTED", "EMPTY", "UNASSIGNED", "SEA_INJECTED"));
        assertEquals("UNASSIGNED", f.from());
        assertEquals("SEA_INJECTED", f.outcome());
        TraceEvent g = record(new ModelEvent.Gpf(9, 0, 4, 0, 0x88000000L, "REALM", "WRITE"));
        assertEquals("REALM", g.pas());
        assertEquals(0, g.cpu());
        TraceEvent rtt = record(new ModelEvent.RttEntry(10, 0, 4, 1, 0x1000, 3, "UNASSIGNED",
                "EMPTY", "ASSIGNED", "RAM", 0x88005000L));
        assertEquals(3, rtt.level());
        assertEquals("EMPTY", rtt.fromRipas());
        assertEquals("RAM", rtt.toRipas());
        assertEquals(0x88005000L, rtt.pa());
        TraceEvent m = record(new ModelEvent.Measurement(11, 0, 4, 1, 0, "DATA", new byte[] {7}));
        assertEquals("DATA", m.cmd());
        assertEquals(0, m.index());
        TraceEvent gs = record(new ModelEvent.GranuleState(12, 0, 4, 0x88000000L, "DELEGATED",
                "RD", 0x88000000L));
        assertEquals(0x88000000L, gs.realm());
        TraceEvent rs = record(new ModelEvent.RecState(13, 0, 4, 1, 2, "READY", "RUNNING"));
        assertEquals(2, rs.rec());
        assertEquals("RUNNING", rs.to());
        TraceEvent p = record(new ModelEvent.PasChange(14, 0, 4, 0x88000000L, "NS", "REALM"));
        assertEquals("NS", p.from());
        TraceEvent realm = record(new ModelEvent.RealmState(15, 0, 4, 1, null, "NEW"));
        assertNull(realm.from());
    }

    /** One event of every model kind: its row has the event's own kind and input flag (the recorder finds kinds by class). */
    @Test
    void everyKindKeepsItsKind() {
        List<ModelEvent> events = List.of(
                new ModelEvent.RmiCall(0, 0, 1, 0xC4000150L, "RMI_VERSION", new long[] {0}, "RMI_SUCCESS", 0, new long[0]),
                new ModelEvent.NsWrite(1, 0, 0, 0x8000_0000L, new byte[] {1}),
                new ModelEvent.NsRead(2, 0, 0, 0x8000_1000L, 8),
                new ModelEvent.GuestStep(3, 0, 0x88001000L, "hvc", N, null, N, 0, 0, false),
                new ModelEvent.RsiCall(4, 0, 3, 0x88000000L, 0x88001000L, 0xC4000190L, "RSI_VERSION",
                        new long[0], 0, "RSI_SUCCESS", new long[0]),
                new ModelEvent.RecExit(5, 0, 4, 1, 2, "SYNC", 0, 0, 0, new long[0], N, N, null, N),
                new ModelEvent.Stage2Fault(6, 0, 4, 1, 2, 0x9000, "READ", "PROTECTED", "EMPTY", "UNASSIGNED", "SEA_INJECTED"),
                new ModelEvent.Gpf(7, 0, 4, 0, 0x88000000L, "REALM", "WRITE"),
                new ModelEvent.PasChange(8, 0, 4, 0x88000000L, "NS", "REALM"),
                new ModelEvent.GranuleState(9, 0, 4, 0x88000000L, "DELEGATED", "RD", 0x88000000L),
                new ModelEvent.RttEntry(10, 0, 4, 1, 0x1000, 3, "UNASSIGNED", "EMPTY", "ASSIGNED", "RAM", 0x88005000L),
                new ModelEvent.Measurement(11, 0, 4, 1, 0, "DATA", new byte[] {7}),
                new ModelEvent.RealmState(12, 0, 4, 1, null, "NEW"),
                new ModelEvent.RecState(13, 0, 4, 1, 2, "READY", "RUNNING"));
        java.util.Set<ModelEvent.Kind> seen = java.util.EnumSet.noneOf(ModelEvent.Kind.class);
        for (ModelEvent e : events) {
            TraceEvent r = record(e);
            assertEquals(e.kind().name(), r.kind().name(), e.getClass().getSimpleName());
            assertEquals(e instanceof ModelEvent.RmiCall || e instanceof ModelEvent.NsWrite
                    || e instanceof ModelEvent.NsRead || e instanceof ModelEvent.GuestStep, r.isInput());
            assertEquals(e.kind(), EventRows.kindOf(e));
            seen.add(e.kind());
        }
        assertEquals(java.util.EnumSet.allOf(ModelEvent.Kind.class), seen);
    }

    /** kindOf's class list has every event class the model can publish, so none takes the slow fallback. */
    @Test
    void everyEventClassIsListed() {
        Class<?>[] classes = ModelEvent.class.getPermittedSubclasses();
        assertEquals(ModelEvent.Kind.values().length, classes.length);
        java.util.Set<ModelEvent.Kind> kinds = java.util.EnumSet.noneOf(ModelEvent.Kind.class);
        for (Class<?> c : classes) {
            ModelEvent.Kind k = EventRows.byClass(c);
            assertNotNull(k, c.getSimpleName() + " is not listed");
            assertTrue(kinds.add(k), c.getSimpleName() + " maps to " + k + " twice");
        }
    }

    @Test
    void closeClosesTheWriter() throws Exception {
        recorder.close();
        assertTrue(closed);
    }
}
