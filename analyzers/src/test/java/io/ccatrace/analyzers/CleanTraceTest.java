package io.ccatrace.analyzers;

import static io.ccatrace.analyzers.RealmFixture.*;
import static io.ccatrace.analyzers.TraceBuilder.NULL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A complete correct lifecycle (reference 4, 7, 8) gives no finding from any rule. */
class CleanTraceTest {
    static RealmFixture fullLifecycle() {
        RealmFixture f = new RealmFixture().active();
        TraceBuilder t = f.t;
        // the realm reads memory at IPA 0x1000 (UNASSIGNED RAM): exit to host (8.2), host backs it
        f.enter(0);
        t.fault(RD, REC, 0x1000, "RAM", "UNASSIGNED", "EXIT_TO_HOST");
        t.exit(RD, REC, "SYNC", 0x24L << 26, 0x1000 >> 8);
        t.rmi("RMI_DATA_CREATE_UNKNOWN", "RMI_SUCCESS", RD, DATA2, 0x1000);
        t.granule(DATA2, "DELEGATED", "DATA", RD);
        t.rtt(RD, 0x1000, 3, "UNASSIGNED", "RAM", "ASSIGNED", "RAM", DATA2);
        // the realm touches EMPTY memory at 0x2000: SEA (8.2)
        f.enter(0);
        t.fault(RD, REC, 0x2000, "EMPTY", "UNASSIGNED", "SEA_INJECTED");
        // realm asks [0x1000, 0x2000) to become EMPTY; host applies, realm is told
        f.requestRipas(0x1000, 0x2000, "EMPTY", 0);
        t.rmiOut("RMI_RTT_SET_RIPAS", "RMI_SUCCESS", new long[] {0x2000}, RD, REC, 0x1000, 0x2000);
        t.rtt(RD, 0x1000, 3, "ASSIGNED", "RAM", "ASSIGNED", "EMPTY", DATA2);
        f.enter(0);
        t.rsi(RD, REC, "RSI_IPA_STATE_SET", RSI_IPA_STATE_SET, "RSI_SUCCESS", new long[] {0x2000, 0},
                0x1000, 0x2000, 0, 0);
        t.exit(RD, REC, "PSCI", 0, 0);
        // the host writes NS memory and the realm shuts down
        t.nsWrite(SRC, new byte[16]);
        // teardown
        t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA2, 0x2000}, RD, 0x1000);
        t.granule(DATA2, "DATA", "DELEGATED", NULL);
        t.rtt(RD, 0x1000, 3, "ASSIGNED", "EMPTY", "UNASSIGNED", "EMPTY", NULL);
        t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
        t.granule(DATA, "DATA", "DELEGATED", NULL);
        t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
        t.rmi("RMI_REC_DESTROY", "RMI_SUCCESS", REC);
        t.granule(REC, "REC", "DELEGATED", NULL);
        t.rmiOut("RMI_RTT_DESTROY", "RMI_SUCCESS", new long[] {RTT3, 0x200000}, RD, 0, 3);
        t.granule(RTT3, "RTT", "DELEGATED", NULL);
        t.rtt(RD, 0, 2, "TABLE", null, "UNASSIGNED", "DESTROYED", NULL);
        t.rmiOut("RMI_RTT_DESTROY", "RMI_SUCCESS", new long[] {RTT2, 0x40000000}, RD, 0, 2);
        t.granule(RTT2, "RTT", "DELEGATED", NULL);
        t.rtt(RD, 0, 1, "TABLE", null, "UNASSIGNED", "DESTROYED", NULL);
        t.rmi("RMI_REALM_DESTROY", "RMI_SUCCESS", RD);
        t.granule(RTT1, "RTT", "DELEGATED", NULL);
        t.granule(RD, "RD", "DELEGATED", NULL);
        t.realmState(RD, "ACTIVE", "DESTROYED");
        for (long pa : new long[] {RD, RTT1, RTT2, RTT3, DATA, DATA2, REC}) t.undelegate(pa);
        return f;
    }

    @Test
    void correctLifecycleHasNoFinding() {
        assertEquals(List.of(), Run.rules(fullLifecycle().t.events()));
    }
}
