package io.ccatrace.model.rmi.data;

import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_REALM;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Stage2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Priority of the DATA commands' failure conditions (reference 4.11-4.13): two conditions
 * with different results hold at once, and the one earlier in the reference's order decides.
 * Where the specification fixes the order too (DEN0137 1.0 "failure condition ordering":
 * [ipa_bound] < [rtt_walk, rtte_state] for DATA_CREATE and DATA_DESTROY) the test says so.
 */
class DataPriorityTest {
    static final long SECURE = 0x1_0000_0000L;
    /** Protected, 4 KiB aligned, in L1 entry 0, where no level-2 table is created. */
    static final long NO_TABLES = 3 * L2;

    final Stage2 s = new Stage2();

    long[] create(Stage2 t, long data, long ipa, long src) {
        return t.rmi("RMI_DATA_CREATE", t.rd, data, ipa, src, 0);
    }

    // 4.11 row 4 (realm_state, ERROR_REALM) before row 5 (ipa_bound, ERROR_INPUT)
    @Test
    void createRealmStateBeatsUnprotectedIpa() {
        s.activate();
        long src = s.source(new byte[4096]);
        assertResult(ERROR_REALM, 0, create(s, s.realms.delegated(), s.unprotected(), src));
    }

    // 4.11 row 4 (realm_state) before row 8 (rtt_walk, ERROR_RTT)
    @Test
    void createRealmStateBeatsRttWalk() {
        s.activate();
        long src = s.source(new byte[4096]);
        assertResult(ERROR_REALM, 0, create(s, s.realms.delegated(), NO_TABLES, src));
    }

    // 4.11 row 6 (ipa_align, ERROR_INPUT) before row 8 (rtt_walk)
    @Test
    void createIpaAlignBeatsRttWalk() {
        long src = s.source(new byte[4096]);
        assertResult(ERROR_INPUT, 0, create(s, s.realms.delegated(), NO_TABLES + 0x800, src));
    }

    /** A NEW realm on a machine with a Secure bank at SECURE (its granules are UNDELEGATED). */
    static Stage2 withSecureBank() {
        return new Stage2(MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(SECURE, 1L << 20, Pas.SECURE))));
    }

    // 4.11 row 8 (rtt_walk) before row 10 (src_pas read fault): the src is never read
    @Test
    void createRttWalkBeatsSrcReadFault() {
        Stage2 t = withSecureBank();
        long data = t.realms.delegated();
        assertResult(ERROR_RTT, 1, create(t, data, NO_TABLES, SECURE));
        assertTrue(t.f.eventsOf(ModelEvent.Kind.GPF).isEmpty(), "no access to src");
        assertEquals(GranuleState.DELEGATED, t.f.machine.rmm().granules().stateOf(data));
    }

    // 4.11 row 9 (rtte_state, ERROR_RTT index 3) before row 10 (src_pas read fault)
    @Test
    void createRtteStateBeatsSrcReadFault() {
        Stage2 t = withSecureBank();
        t.pageTables(0);
        t.data(0);
        assertResult(ERROR_RTT, 3, create(t, t.realms.delegated(), 0, SECURE));
        assertTrue(t.f.eventsOf(ModelEvent.Kind.GPF).isEmpty(), "no access to src");
    }

    // 4.12 row 2 (ipa not Protected, ERROR_INPUT) before row 4 (rtt_walk); any realm state
    @Test
    void createUnknownUnprotectedIpaBeatsRttWalk() {
        s.activate();
        long[] r = s.rmi("RMI_DATA_CREATE_UNKNOWN", s.rd, s.realms.delegated(), s.unprotected() + 5 * L1);
        assertResult(ERROR_INPUT, 0, r);
    }

    // 4.13 row 2 (ipa_bound, ERROR_INPUT, x2 = 0) before row 3 (rtt_walk, x2 = top);
    // spec ordering [ipa_bound] < [rtt_walk, rtte_state]
    @Test
    void destroyIpaBoundBeatsRttWalk() {
        long[] r = s.rmi("RMI_DATA_DESTROY", s.rd, s.unprotected());
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[1], "x1");
        assertEquals(0, r[2], "x2 = 0 on ERROR_INPUT");
    }

    // 4.13 row 2 (ipa_align) before row 3 (rtt_walk): x2 = 0, not the top of the walk
    @Test
    void destroyIpaAlignBeatsRttWalk() {
        long[] r = s.rmi("RMI_DATA_DESTROY", s.rd, NO_TABLES + 0x800);
        assertResult(ERROR_INPUT, 0, r);
        assertEquals(0, r[2], "x2 = 0 on ERROR_INPUT");
    }

    // 4.13 row 3 (rtt_walk, index = walk level) before row 4 (rtte_state, index 3): the walk
    // stops at the level-2 entry (no level-3 table), so the index is 2, and x2 = top (11.6)
    // of that level-2 table: nothing in it is live, so the end of its 1 GiB range
    @Test
    void destroyRttWalkIndexIsTheLevelReached() {
        s.tables(NO_TABLES, 2, 2);
        long[] r = s.rmi("RMI_DATA_DESTROY", s.rd, NO_TABLES);
        assertResult(ERROR_RTT, 2, r);
        assertEquals(L1, r[2], "x2 = end of the level-2 table's range");
    }
}
