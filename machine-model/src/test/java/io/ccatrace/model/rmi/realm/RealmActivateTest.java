package io.ccatrace.model.rmi.realm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Realms;
import org.junit.jupiter.api.Test;

/** RMI_REALM_ACTIVATE (reference 4.6) in failure-condition order, and success. */
class RealmActivateTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REALM = 2;

    final Fixture f = new Fixture();
    final Realms r = new Realms(f);
    final long rd = r.create(40, 1);

    int activate(long pa) {
        return Fixture.status(f.rmi("RMI_REALM_ACTIVATE", pa));
    }

    // 1 rd_align
    @Test
    void rdAlign() {
        assertEquals(ERROR_INPUT, activate(rd + 1));
    }

    // 2 rd_bound
    @Test
    void rdBound() {
        assertEquals(ERROR_INPUT, activate(0xFFFF_FFFF_FFFF_F000L));
    }

    // 3 rd_state: DELEGATED, UNDELEGATED, RTT and REC granules are not an RD
    @Test
    void rdState() {
        assertEquals(ERROR_INPUT, activate(r.delegated()));
        assertEquals(ERROR_INPUT, activate(r.ns()));
        assertEquals(ERROR_INPUT, activate(r.realm(rd).startingRtts().get(0).pa()));
        assertEquals(ERROR_INPUT, activate(r.rec(rd, 0)));
    }

    // 4 realm_state: already ACTIVE
    @Test
    void realmStateActive() {
        assertEquals(SUCCESS, activate(rd));
        assertEquals(ERROR_REALM, activate(rd));
    }

    // 4 realm_state: SYSTEM_OFF (set through the lifecycle, as PSCI SYSTEM_OFF would)
    @Test
    void realmStateSystemOff() {
        assertEquals(SUCCESS, activate(rd));
        f.machine.rmm().realms().systemOff(r.realm(rd));
        assertEquals(ERROR_REALM, activate(rd));
    }

    @Test
    void successMakesRealmActiveAndFreezesRim() {
        byte[] rim = r.realm(rd).measurement(0).clone();
        f.events.clear();
        assertEquals(0L, f.rmi("RMI_REALM_ACTIVATE", rd)[0]);
        assertEquals("ACTIVE", r.realm(rd).state().name());
        ModelEvent.RealmState e = (ModelEvent.RealmState) f.eventsOf(ModelEvent.Kind.REALM_STATE).get(0);
        assertEquals("NEW", e.from());
        assertEquals("ACTIVE", e.to());
        assertEquals(rd, e.realm());
        // 7.2: construction commands are refused once ACTIVE, so the RIM cannot change
        long rec = r.delegated();
        long params = r.write(r.recParams(0, true));
        assertEquals(ERROR_REALM, Fixture.status(f.rmi("RMI_REC_CREATE", rd, rec, params)));
        assertArrayEquals(rim, r.realm(rd).measurement(0));
    }
}
