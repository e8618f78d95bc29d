package io.ccatrace.model.rmi.data;

import static io.ccatrace.model.rmi.Stage2.ASSIGNED;
import static io.ccatrace.model.rmi.Stage2.DESTROYED;
import static io.ccatrace.model.rmi.Stage2.EMPTY;
import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
import static io.ccatrace.model.rmi.Stage2.RAM;
import static io.ccatrace.model.rmi.Stage2.SUCCESS;
import static io.ccatrace.model.rmi.Stage2.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * RMI_DATA_CREATE_UNKNOWN (reference 4.12): failure conditions in order, then success in
 * every realm state keeping the entry's RIPAS (7.4), with no measurement.
 */
class DataCreateUnknownTest {
    static final long IPA = 7 * L2 + 0x3000;

    final Stage2 s = new Stage2();
    final long data;

    DataCreateUnknownTest() {
        s.pageTables(IPA);
        data = s.realms.delegated();
    }

    long[] call(long rd, long dataPa, long ipa) {
        return s.rmi("RMI_DATA_CREATE_UNKNOWN", rd, dataPa, ipa);
    }

    @Test
    void dataAlign() {
        assertResult(ERROR_INPUT, 0, call(s.rd, data + 0x40, IPA));
    }

    @Test
    void dataStateNotDelegated() {
        assertResult(ERROR_INPUT, 0, call(s.rd, s.realms.ns(), IPA));
    }

    @Test
    void rdStateNotRd() {
        assertResult(ERROR_INPUT, 0, call(s.realms.delegated(), data, IPA));
    }

    @Test
    void ipaNotProtected() {
        assertResult(ERROR_INPUT, 0, call(s.rd, data, s.unprotected()));
    }

    @Test
    void ipaNotAligned() {
        assertResult(ERROR_INPUT, 0, call(s.rd, data, IPA + 8));
    }

    @Test
    void dataAbovePaLimitWithoutLpa2() {
        long high = 1L << 48;
        Stage2 h = new Stage2(MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(high, 1L << 20, Pas.NS))));
        h.pageTables(IPA);
        h.realms.delegate(high);
        assertResult(ERROR_INPUT, 0, h.rmi("RMI_DATA_CREATE_UNKNOWN", h.rd, high, IPA));
    }

    @Test
    void rttWalkStopsAtLevel1() {
        assertResult(ERROR_RTT, 1, call(s.rd, data, 3 * L1));
    }

    @Test
    void rttWalkStopsAtLevel2() {
        assertResult(ERROR_RTT, 2, call(s.rd, data, 100 * L2));
    }

    @Test
    void entryNotUnassigned() {
        s.data(IPA);
        assertResult(ERROR_RTT, 3, call(s.rd, data, IPA));
    }

    @Test
    void successKeepsEmptyInActiveRealmAndIsNotMeasured() {
        s.activate();
        int mark = s.mark();
        assertResult(SUCCESS, 0, call(s.rd, data, IPA));
        assertArrayEquals(new long[] {3, ASSIGNED, data, EMPTY}, s.read(IPA, 3));
        assertEquals(GranuleState.DATA, s.f.machine.rmm().granules().stateOf(data));
        assertTrue(s.f.machine.memory().isZero(data), "content stays zero");
        for (int i = mark; i < s.f.events.size(); i++) {
            assertTrue(s.f.events.get(i).kind() != ModelEvent.Kind.MEASUREMENT, "not measured");
        }
    }

    @Test
    void successKeepsRam() {
        s.initRipas(IPA, IPA + L3);
        s.activate();
        assertResult(SUCCESS, 0, call(s.rd, data, IPA));
        assertArrayEquals(new long[] {3, ASSIGNED, data, RAM}, s.read(IPA, 3));
        ModelEvent.RttEntry e = s.entryEvents(0).get(s.entryEvents(0).size() - 1);
        assertEquals("RAM", e.fromRipas());
        assertEquals("RAM", e.toRipas());
        assertEquals("ASSIGNED", e.toState());
    }

    @Test
    void successKeepsDestroyed() {
        s.initRipas(IPA, IPA + L3);
        s.data(IPA);
        Stage2.ok(s.rmi("RMI_DATA_DESTROY", s.rd, IPA), "RMI_DATA_DESTROY");
        assertResult(SUCCESS, 0, call(s.rd, data, IPA));
        assertArrayEquals(new long[] {3, ASSIGNED, 0, DESTROYED}, s.read(IPA, 3));
    }
}
