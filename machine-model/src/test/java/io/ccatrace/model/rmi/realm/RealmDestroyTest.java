package io.ccatrace.model.rmi.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RealmParamsPage;
import io.ccatrace.model.rmi.Realms;
import io.ccatrace.model.rmi.Stage2;
import io.ccatrace.model.rtt.RttState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RMI_REALM_DESTROY (reference 4.7) in failure-condition order, and success. */
class RealmDestroyTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REALM = 2;

    final Fixture f = new Fixture();
    final Realms r = new Realms(f);
    final RealmParamsPage params = r.params(40, 1);
    final long rd = r.create(params);

    int destroy(long pa) {
        return Fixture.status(f.rmi("RMI_REALM_DESTROY", pa));
    }

    /** REALM_DESTROY of a Stage2 helper's realm (its own machine). */
    static int destroyIn(Stage2 s) {
        return Fixture.status(s.rmi("RMI_REALM_DESTROY", s.rd));
    }

    GranuleState stateOf(long pa) {
        return f.machine.rmm().granules().stateOf(pa);
    }

    // 1 rd_align
    @Test
    void rdAlign() {
        assertEquals(ERROR_INPUT, destroy(rd + 0x800));
    }

    // 2 rd_bound
    @Test
    void rdBound() {
        assertEquals(ERROR_INPUT, destroy(0x1000L));
    }

    // 3 rd_state: DELEGATED, RTT and REC granules are not an RD
    @Test
    void rdState() {
        assertEquals(ERROR_INPUT, destroy(r.delegated()));
        assertEquals(ERROR_INPUT, destroy(params.rttBase));
        assertEquals(ERROR_INPUT, destroy(r.rec(rd, 0)));
    }

    // 4 realm_live: the realm owns a REC
    @Test
    void realmLiveRec() {
        long rec = r.rec(rd, 0);
        assertEquals(ERROR_REALM, destroy(rd));
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_REC_DESTROY", rec)));
        assertEquals(SUCCESS, destroy(rd));
    }

    // 4 realm_live: a starting RTT holds a TABLE entry (RTT_CREATE below it, reference 7.1)
    @Test
    void realmLiveStartingRttTable() {
        Stage2 s = new Stage2(new Fixture(), 33, 2);
        long child = s.rtt(0, 3);
        assertEquals(ERROR_REALM, destroyIn(s));
        long[] regs = s.rmi("RMI_RTT_DESTROY", s.rd, 0, 3);
        assertEquals(0L, regs[0]);
        assertEquals(child, regs[1]);
        assertEquals(SUCCESS, destroyIn(s), "UNASSIGNED DESTROYED is not live");
    }

    // 4 realm_live: a starting RTT holds a protected ASSIGNED entry (a 2 MiB block folded
    // into a level-2 starting table of a realm with s2sz 33)
    @Test
    void realmLiveStartingRttAssignedBlock() {
        Stage2 s = new Stage2(new Fixture(), 33, 2);
        s.rtt(0, 3);
        s.dataBlock(0);
        assertEquals(0L, s.rmi("RMI_RTT_FOLD", s.rd, 0, 3)[0]);
        assertEquals(RttState.ASSIGNED, s.realms.realm(s.rd).startingRtts().get(0).state(0));
        assertEquals(ERROR_REALM, destroyIn(s));
    }

    // 4.7 note: ASSIGNED_NS entries do not make a starting RTT live
    @Test
    void assignedNsEntryIsNotLive() {
        Stage2 s = new Stage2(new Fixture(), 33, 2);
        s.map(s.unprotected(), 2, 0x8020_0000L | 0xC0 | 0x14);
        assertEquals(RttState.ASSIGNED_NS, s.realms.realm(s.rd).startingRtts().get(4).state(0));
        assertEquals(SUCCESS, destroyIn(s));
    }

    @Test
    void successReturnsGranulesZeroedAndFreesVmid() {
        f.events.clear();
        assertEquals(0L, f.rmi("RMI_REALM_DESTROY", rd)[0]);
        assertEquals(GranuleState.DELEGATED, stateOf(rd));
        assertEquals(GranuleState.DELEGATED, stateOf(params.rttBase));
        assertEquals(GranuleState.DELEGATED, stateOf(params.rttBase + 4096));
        assertTrue(f.machine.memory().isZero(rd));
        assertTrue(f.machine.memory().isZero(params.rttBase));
        assertNull(f.machine.rmm().realmAt(rd));
        List<ModelEvent> gs = f.eventsOf(ModelEvent.Kind.GRANULE_STATE);
        assertEquals(3, gs.size());
        ModelEvent.RealmState e = (ModelEvent.RealmState) f.eventsOf(ModelEvent.Kind.REALM_STATE).get(0);
        assertEquals("NEW", e.from());
        assertEquals("DESTROYED", e.to());
        // the VMID is free again: a new realm may take it (4.7 success, 4.5 vmid_valid)
        RealmParamsPage again = r.params(40, 1);
        again.vmid = params.vmid;
        r.create(again);
        // and the granules can be undelegated (they are DELEGATED)
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_GRANULE_UNDELEGATE", rd)));
    }

    // 4.7: allowed in any realm state
    @Test
    void allowedWhenActiveAndSystemOff() {
        r.activate(rd);
        assertEquals(SUCCESS, destroy(rd));
        long other = r.createActive(33, 2);
        f.machine.rmm().realms().systemOff(r.realm(other));
        assertEquals(SUCCESS, destroy(other));
    }
}
