package io.ccatrace.model.rmi.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RealmParamsPage;
import io.ccatrace.model.rmi.Realms;
import io.ccatrace.model.rtt.Ripas;
import io.ccatrace.model.rtt.Rtt;
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

    // 4 realm_live: a starting RTT holds a live (protected ASSIGNED) entry. The entry is set
    // through the RTT transition point, as DATA_CREATE would, to keep this test independent
    // of the DATA commands.
    @Test
    void realmLiveStartingRttEntry() {
        Rtt t = r.realm(rd).startingRtts().get(0);
        f.machine.rmm().rtts().set(t, 3, RttState.ASSIGNED, Ripas.RAM, r.delegated(), 0);
        assertEquals(ERROR_REALM, destroy(rd));
        f.machine.rmm().rtts().set(t, 3, RttState.UNASSIGNED, Ripas.DESTROYED, 0, 0);
        assertEquals(SUCCESS, destroy(rd));
    }

    // 4 realm_live: a TABLE entry in a starting RTT also keeps the realm live (7.1)
    @Test
    void realmLiveStartingRttTable() {
        Rtt t = r.realm(rd).startingRtts().get(1);
        f.machine.rmm().rtts().set(t, 0, RttState.TABLE, Ripas.EMPTY, r.delegated(), 0);
        assertEquals(ERROR_REALM, destroy(rd));
    }

    // 4.7 note: ASSIGNED_NS entries do not make a starting RTT live
    @Test
    void assignedNsEntryIsNotLive() {
        Rtt t = r.realm(rd).startingRtts().get(1);
        f.machine.rmm().rtts().set(t, 0, RttState.ASSIGNED_NS, Ripas.EMPTY, r.ns(), 0);
        assertEquals(SUCCESS, destroy(rd));
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
