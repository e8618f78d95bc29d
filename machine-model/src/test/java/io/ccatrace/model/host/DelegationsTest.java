package io.ccatrace.model.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.machine.MachineConfig;
import org.junit.jupiter.api.Test;

/** The VMM's delegations out of its page pool, when something else has delegated a pool page. */
class DelegationsTest {
    private static final long BASE = MachineConfig.DEFAULT_DRAM_BASE + 0x10_0000L;

    @Test
    void aPageTheRmmRefusesToDelegateIsNeverHandedOutAgain() {
        HostRmi rmi = new HostRmi(new Machine(MachineConfig.defaults()));
        GranulePool pool = new GranulePool(BASE, 1L << 20);
        Delegations d = new Delegations(rmi, pool);
        // Another party (the host-fuzz scenario's hostile process) delegates the page the pool
        // hands out next: it is no longer UNDELEGATED, so the RMM refuses the VMM's delegation
        // (reference: GRANULE_DELEGATE fails unless the granule is UNDELEGATED).
        assertTrue(rmi.delegate(BASE).ok());
        assertEquals(-1, d.delegateNew());
        // Before, the refused page went back to the top of the free list, so every later
        // allocation (every relaunched realm) got it again and failed the same way.
        long next = d.delegateNew();
        assertNotEquals(-1, next);
        assertNotEquals(BASE, next);
        assertTrue(d.isDelegated(next));
        assertEquals(1, pool.retired());
    }
}
