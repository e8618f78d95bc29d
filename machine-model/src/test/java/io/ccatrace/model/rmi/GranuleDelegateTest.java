package io.ccatrace.model.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RMI_GRANULE_DELEGATE failure conditions in reference 4.3 order, and success effects. */
class GranuleDelegateTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1;

    @Test
    void granAlign() {
        Fixture f = new Fixture();
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_GRANULE_DELEGATE", Fixture.gran(1) + 8)));
    }

    @Test
    void granBoundOutsideDram() {
        Fixture f = new Fixture();
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_GRANULE_DELEGATE", 0x1000)));
    }

    @Test
    void granStateAlreadyDelegated() {
        Fixture f = new Fixture();
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_GRANULE_DELEGATE", Fixture.gran(1))));
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_GRANULE_DELEGATE", Fixture.gran(1))));
    }

    @Test
    void granGptSecureMemoryRefusedByEl3() {
        MachineConfig c = MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS),
                new DramBank(0x1_0000_0000L, 1L << 20, Pas.SECURE)));
        Fixture f = new Fixture(c);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_GRANULE_DELEGATE", 0x1_0000_0000L)));
        assertEquals(Pas.SECURE, f.machine.gpt().pasOf(0x1_0000_0000L));
    }

    @Test
    void successMovesPasToRealmScrubsAndEmitsEvents() {
        Fixture f = new Fixture();
        long pa = Fixture.gran(3);
        f.machine.nsWrite(0, pa, new byte[] {1, 2, 3});
        long[] r = f.rmi("RMI_GRANULE_DELEGATE", pa);
        assertEquals(0L, r[0]);
        assertEquals(Pas.REALM, f.machine.gpt().pasOf(pa));
        assertEquals(GranuleState.DELEGATED, f.machine.rmm().granules().stateOf(pa));
        assertTrue(f.machine.memory().isZero(pa), "delegated granules are all-zero (7.1)");
        ModelEvent.PasChange pc = (ModelEvent.PasChange) f.eventsOf(ModelEvent.Kind.PAS_CHANGE).get(0);
        assertEquals("NS", pc.from());
        assertEquals("REALM", pc.to());
        ModelEvent.RmiCall call = (ModelEvent.RmiCall) f.eventsOf(ModelEvent.Kind.RMI_CALL).get(0);
        assertTrue(call.seq() < pc.seq(), "the call is published before its effects");
        assertEquals(call.seq(), pc.causeSeq());
    }

    @Test
    void hostWriteToDelegatedGranuleIsAGpfNotAWrite() {
        Fixture f = new Fixture();
        long pa = Fixture.gran(4);
        f.rmi("RMI_GRANULE_DELEGATE", pa);
        boolean written = f.machine.nsWrite(0, pa, new byte[] {9});
        assertEquals(false, written);
        assertEquals(1, f.eventsOf(ModelEvent.Kind.GPF).size());
        assertTrue(f.machine.memory().isZero(pa));
    }
}
