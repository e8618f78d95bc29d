package io.ccatrace.model.rmi.rtt;

import static io.ccatrace.model.rmi.Stage2.ERROR_REALM;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.granule.Granule;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Stage2;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import org.junit.jupiter.api.Test;

/**
 * A Host tearing a realm down the way the "top" outputs (reference 3, 11.6) are meant to be
 * used: skip non-live ranges by x2/x1, destroy leaf data, then tables bottom-up, then the
 * realm (4.7 realm_live). Also checks every table's live count against a recount of its
 * entries (reference 7.1) along the way.
 */
class TeardownTest {
    final Stage2 s = new Stage2();

    /** Asserts liveCount == number of TABLE + ASSIGNED entries, for every RTT granule. */
    void liveCountsMatchEntries() {
        for (Granule g : s.f.machine.rmm().granules().all()) {
            if (g.state() != GranuleState.RTT) continue;
            Rtt t = (Rtt) g.content();
            int n = 0;
            for (int i = 0; i < RttGeometry.ENTRIES; i++) {
                RttState st = t.state(i);
                if (st == RttState.TABLE || st == RttState.ASSIGNED) n++;
            }
            assertEquals(n, t.liveCount(), "live count of RTT 0x" + Long.toHexString(t.pa()));
        }
    }

    @Test
    void sparseRealmTearsDownToDelegatedGranules() {
        // protected: pages at 2 MiB + {3, 200} pages, a folded 2 MiB block at 6 MiB;
        // unprotected: a page mapping and a 2 MiB block mapping
        s.pageTables(L2);
        s.initRipas(L2 + 3 * L3, L2 + 4 * L3);
        s.data(L2 + 3 * L3);
        s.data(L2 + 200 * L3);
        s.rtt(3 * L2, 3);
        s.dataBlock(3 * L2);
        Stage2.ok(s.rmi("RMI_RTT_FOLD", s.rd, 3 * L2, 3), "fold");
        long ns = s.unprotected();
        s.pageTables(ns);
        s.map(ns + 7 * L3, 3, 0x8000_0000L | 0xC0);
        s.map(ns + 5 * L2, 2, 0x8020_0000L | 0xC0);
        s.activate();
        liveCountsMatchEntries();

        assertResult(ERROR_REALM, 0, s.rmi("RMI_REALM_DESTROY", s.rd));

        // DATA_DESTROY across [2 MiB, 4 MiB) following x2: page 0 (ERROR_RTT, top = page 3),
        // page 3 (top = page 200), page 200 (top = 4 MiB): three calls, two pages destroyed
        int destroyed = 0, calls = 0;
        long ipa = L2;
        while (ipa < 2 * L2) {
            long[] r = s.rmi("RMI_DATA_DESTROY", s.rd, ipa);
            calls++;
            if (Fixture.status(r) == SUCCESS) destroyed++;
            ipa = Math.max(r[2], ipa + L3);
        }
        assertEquals(2, destroyed);
        assertEquals(3, calls);
        liveCountsMatchEntries();

        // the 2 MiB block at level 2: DATA_DESTROY walks only to level 2 -> ERROR_RTT(2)
        assertResult(ERROR_RTT, 2, s.rmi("RMI_DATA_DESTROY", s.rd, 3 * L2));
        // unfold it again and destroy its 512 pages
        s.rtt(3 * L2, 3);
        liveCountsMatchEntries();
        for (int i = 0; i < 512; i++) {
            Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, 3 * L2 + i * L3), "destroy page");
        }

        // unmap the unprotected mappings, then destroy every table bottom-up
        Stage2.ok(s.rmi("RMI_RTT_UNMAP_UNPROTECTED", s.rd, ns + 7 * L3, 3), "unmap");
        long[] u = Stage2.ok(s.rmi("RMI_RTT_UNMAP_UNPROTECTED", s.rd, ns + 5 * L2, 2), "unmap");
        assertEquals(ns + L1, u[1], "nothing live after the block in its level-2 table");
        for (long base : new long[] {L2, 3 * L2, ns}) {
            Stage2.ok(s.rmi("RMI_RTT_DESTROY", s.rd, base, 3), "destroy L3");
        }
        long[] last = null;
        for (long base : new long[] {0, ns}) {
            last = Stage2.ok(s.rmi("RMI_RTT_DESTROY", s.rd, base, 2), "destroy L2");
        }
        assertEquals(ns + 512 * L1, last[2], "the second starting table is now empty");
        liveCountsMatchEntries();

        assertResult(SUCCESS, 0, s.rmi("RMI_REALM_DESTROY", s.rd));
        for (Granule g : s.f.machine.rmm().granules().all()) {
            GranuleState st = g.state();
            assertTrue(st == GranuleState.DELEGATED || st == GranuleState.UNDELEGATED,
                    "granule 0x" + Long.toHexString(g.pa()) + " left in " + st);
        }
    }
}
