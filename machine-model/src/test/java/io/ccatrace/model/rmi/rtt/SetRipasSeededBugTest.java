package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.RAM;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Stage2;
import org.junit.jupiter.api.Test;

/**
 * The seeded-bug model 1.0-bug-ripas-unrequested: RTT_SET_RIPAS with no pending request
 * changes RIPAS (to EMPTY, the zero request value) instead of failing base_bound (4.21 row 5),
 * but hostile ranges outside the Protected half are still refused rather than crashing.
 */
class SetRipasSeededBugTest {
    final Stage2 s = new Stage2(new Fixture(MachineConfig.defaults()
            .withRmmModel("1.0-bug-ripas-unrequested")), 40, 1);
    final long rec;

    SetRipasSeededBugTest() {
        rec = s.realms.rec(s.rd, 0);
        s.pageTables(0);
        s.initRipas(0, 2 * L3);
        s.activate();
    }

    @Test
    void unrequestedChangeGoesThrough() {
        assertEquals(RAM, s.read(L3, 3)[3]);
        long[] r = s.rmi("RMI_RTT_SET_RIPAS", s.rd, rec, L3, 2 * L3);
        assertResult(SUCCESS, 0, r);
        assertEquals(EMPTY, s.read(L3, 3)[3]);
    }

    @Test
    void unrequestedRangeOutsideProtectedHalfIsRefused() {
        long u = s.unprotected();
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, rec, u, u + L3));
        assertResult(ERROR_INPUT, 0, s.rmi("RMI_RTT_SET_RIPAS", s.rd, rec, 1L << 41, (1L << 41) + L3));
    }
}
