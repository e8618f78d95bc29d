package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Guest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Priority of RMI_REC_ENTER's failure conditions (reference 4.22): two conditions with
 * different results hold at once; the earlier row decides. x0 is compared whole, so the
 * ERROR_REALM index (0 NEW, 1 SYSTEM_OFF, reference 1.2) is checked too.
 */
class RecEnterPriorityTest {
    static final long ERROR_INPUT = 1, ERROR_REALM_NEW = 2, ERROR_REALM_SYSTEM_OFF = 2 | 1 << 8;
    /** HCR bit 0 (En) is not one the host may set (4.22 GIC checks): rec_gicv3 fails. */
    static final RecRunEnter BAD_GIC = new RecRunEnter(0, new long[31], 1, new long[16]);

    // row 5 (realm_new, ERROR_REALM 0) before row 7 (rec_runnable, ERROR_REC)
    @Test
    void realmNewBeatsRecNotRunnable() {
        Guest g = new Guest();
        long off = g.addRec(1, false);
        assertEquals(ERROR_REALM_NEW, g.enter(off, RecRunEnter.of(0, 0))[0]);
    }

    // row 5 (realm_new) before row 9 (rec_gicv3, ERROR_REC)
    @Test
    void realmNewBeatsGicCheck() {
        Guest g = new Guest();
        assertEquals(ERROR_REALM_NEW, g.enter(g.rec, BAD_GIC)[0]);
    }

    // row 6 (system_off, ERROR_REALM 1) before row 7 (rec_runnable) and row 9 (rec_gicv3)
    @Test
    void systemOffBeatsRecChecks() {
        Guest g = new Guest();
        long off = g.addRec(1, false);
        g.activate();
        g.call("PSCI_SYSTEM_OFF");
        assertEquals(ExitReason.PSCI, g.run().reason());
        assertEquals(ERROR_REALM_SYSTEM_OFF, g.enter(off, RecRunEnter.of(0, 0))[0]);
        assertEquals(ERROR_REALM_SYSTEM_OFF, g.enter(g.rec, BAD_GIC)[0]);
    }

    // row 4 (reading RecRun.enter faults, ERROR_INPUT) before row 5 (realm_new): the RecRun
    // granule is UNDELEGATED to the RMM but in the Secure PAS, so the read is tried and faults
    @Test
    void runReadFaultBeatsRealmNew() {
        long secure = 0x1_0000_0000L;
        Guest g = new Guest(MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(secure, 1L << 20, Pas.SECURE))));
        assertEquals(ERROR_INPUT, g.f.rmi("RMI_REC_ENTER", g.rec, secure)[0]);
        List<ModelEvent> gpfs = g.f.eventsOf(ModelEvent.Kind.GPF);
        assertEquals(1, gpfs.size(), "the read was tried");
    }
}
