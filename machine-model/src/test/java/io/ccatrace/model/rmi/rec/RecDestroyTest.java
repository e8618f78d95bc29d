package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RecParamsPage;
import io.ccatrace.model.rmi.Realms;
import org.junit.jupiter.api.Test;

/** RMI_REC_DESTROY (reference 4.10) in failure-condition order, and success. */
class RecDestroyTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REC = 3;

    final Fixture f = new Fixture();
    final Realms r = new Realms(f);
    final long rd = r.create(40, 1);
    final RecParamsPage params = r.recParams(0, true);
    final long rec = r.rec(rd, params);

    int destroy(long pa) {
        return Fixture.status(f.rmi("RMI_REC_DESTROY", pa));
    }

    GranuleState stateOf(long pa) {
        return f.machine.rmm().granules().stateOf(pa);
    }

    // 1 rec_align
    @Test
    void recAlign() {
        assertEquals(ERROR_INPUT, destroy(rec + 0x10));
    }

    // 2 rec_bound
    @Test
    void recBound() {
        assertEquals(ERROR_INPUT, destroy(0x3000L));
    }

    // 3 rec_gran_state: DELEGATED, RD and REC_AUX granules are not a REC
    @Test
    void recGranState() {
        assertEquals(ERROR_INPUT, destroy(r.delegated()));
        assertEquals(ERROR_INPUT, destroy(rd));
        assertEquals(ERROR_INPUT, destroy(params.aux[0]));
        assertEquals(GranuleState.REC_AUX, stateOf(params.aux[0]));
    }

    // 4 rec_state: the REC is RUNNING (inside REC_ENTER on another PE; set through the lifecycle)
    @Test
    void recStateRunning() {
        r.activate(rd);
        f.machine.rmm().recs().enter(r.recObject(rec));
        assertEquals(ERROR_REC, destroy(rec));
        assertEquals(GranuleState.REC, stateOf(rec));
        f.machine.rmm().recs().exit(r.recObject(rec));
        assertEquals(SUCCESS, destroy(rec));
    }

    @Test
    void successReturnsRecAndAuxGranulesZeroed() {
        // content the RMM would have kept in the REC and aux pages
        f.machine.memory().write(rec, new byte[] {1, 2, 3});
        f.machine.memory().write(params.aux[4], new byte[] {4, 5});
        f.events.clear();
        assertEquals(0L, f.rmi("RMI_REC_DESTROY", rec)[0]);
        assertEquals(GranuleState.DELEGATED, stateOf(rec));
        for (long a : params.aux) {
            assertEquals(GranuleState.DELEGATED, stateOf(a));
            assertTrue(f.machine.memory().isZero(a));
        }
        assertTrue(f.machine.memory().isZero(rec));
        assertEquals(17, f.eventsOf(ModelEvent.Kind.GRANULE_STATE).size());
        ModelEvent.RecState e = (ModelEvent.RecState) f.eventsOf(ModelEvent.Kind.REC_STATE).get(0);
        assertEquals("RUNNABLE", e.from());
        assertEquals("DESTROYED", e.to());
        assertEquals(0, r.realm(rd).recCount());
    }

    // 4.10 note: the next REC index is not given back; the next REC must use index 1
    @Test
    void recIndexIsNotReused() {
        assertEquals(SUCCESS, destroy(rec));
        long again = r.delegated();
        RecParamsPage p = r.recParams(0, true);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", rd, again, r.write(p))));
        p.mpidr = 1;
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_REC_CREATE", rd, again, r.write(p))));
    }

    // 4.10: allowed in any realm state, e.g. SYSTEM_OFF
    @Test
    void allowedWhenSystemOff() {
        r.activate(rd);
        f.machine.rmm().realms().systemOff(r.realm(rd));
        assertEquals(SUCCESS, destroy(rec));
    }
}
