package io.ccatrace.model.rmi.data;

import static io.ccatrace.model.rmi.Stage2.ERROR_INPUT;
import static io.ccatrace.model.rmi.Stage2.ERROR_REALM;
import static io.ccatrace.model.rmi.Stage2.ERROR_RTT;
import static io.ccatrace.model.rmi.Stage2.L1;
import static io.ccatrace.model.rmi.Stage2.L2;
import static io.ccatrace.model.rmi.Stage2.L3;
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
import io.ccatrace.model.rmi.Rim;
import io.ccatrace.model.rmi.Stage2;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_DATA_CREATE (reference 4.11): one test per failure condition in the reference's order,
 * every earlier condition false; then success effects (7.4 transitions, RIM per 9.6/10.2).
 */
class DataCreateTest {
    static final long IPA = 0x20_0000 * 3 + 0x5000;  // inside L2 entry 3 of L1 entry 0

    /** A NEW realm with page tables at IPA, a filled NS source and a delegated data granule. */
    static final class Setup {
        final Stage2 s;
        final long data;
        final long src;
        final byte[] content = new byte[4096];

        Setup() {
            this(new Stage2());
        }

        Setup(Stage2 s) {
            this.s = s;
            s.pageTables(IPA);
            for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 7 + 1);
            src = s.source(content);
            data = s.realms.delegated();
        }

        long[] call(long rd, long dataPa, long ipa, long srcPa, long flags) {
            return s.rmi("RMI_DATA_CREATE", rd, dataPa, ipa, srcPa, flags);
        }

        long[] call() {
            return call(s.rd, data, IPA, src, 1);
        }
    }

    @Test
    void flagsNotZeroOrOne() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, IPA, t.src, 2));
    }

    @Test
    void srcAlign() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, IPA, t.src + 8, 1));
    }

    @Test
    void srcBound() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, IPA, 0x1000, 1));
    }

    @Test
    void srcPasGranuleNotUndelegated() {
        Setup t = new Setup();
        long delegatedSrc = t.s.realms.delegated();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, IPA, delegatedSrc, 1));
    }

    @Test
    void dataAlign() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data + 0x100, IPA, t.src, 1));
    }

    @Test
    void dataBound() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, 0x2000, IPA, t.src, 1));
    }

    @Test
    void dataStateNotDelegated() {
        Setup t = new Setup();
        long undelegated = t.s.realms.ns();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, undelegated, IPA, t.src, 1));
    }

    @Test
    void rdStateNotRd() {
        Setup t = new Setup();
        long notRd = t.s.realms.delegated();
        assertResult(ERROR_INPUT, 0, t.call(notRd, t.data, IPA, t.src, 1));
    }

    @Test
    void rdAlign() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd + 0x10, t.data, IPA, t.src, 1));
    }

    @Test
    void realmStateActive() {
        Setup t = new Setup();
        t.s.activate();
        assertResult(ERROR_REALM, 0, t.call());
    }

    @Test
    void ipaBoundUnprotectedBeatsRttWalk() {
        // ACS priority (4.11 note): an Unprotected ipa with no tables is ERROR_INPUT, not ERROR_RTT
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, t.s.unprotected() + 0x3000, t.src, 1));
    }

    @Test
    void ipaBoundOutsideIpaSpace() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, 1L << 40, t.src, 1));
    }

    @Test
    void ipaAlign() {
        Setup t = new Setup();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, IPA + 0x800, t.src, 1));
    }

    @Test
    void dataBound2AbovePaLimitWithoutLpa2() {
        long high = 1L << 48;
        MachineConfig c = MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(high, 1L << 20, Pas.NS)));
        Setup t = new Setup(new Stage2(c));
        t.s.realms.delegate(high);
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, high, IPA, t.src, 1));
    }

    @Test
    void rttWalkStopsAtLevel1() {
        Setup t = new Setup();
        assertResult(ERROR_RTT, 1, t.call(t.s.rd, t.data, 5 * L1, t.src, 1));
    }

    @Test
    void rttWalkStopsAtLevel2() {
        Setup t = new Setup();
        assertResult(ERROR_RTT, 2, t.call(t.s.rd, t.data, 9 * L2, t.src, 1));
    }

    @Test
    void rtteStateAlreadyAssigned() {
        Setup t = new Setup();
        t.s.data(IPA);
        assertResult(ERROR_RTT, 3, t.call());
    }

    @Test
    void srcPasReadFaultsRefusesAndLeavesDataZero() {
        long secure = 0x1_0000_0000L;
        MachineConfig c = MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(secure, 1L << 20, Pas.SECURE)));
        Setup t = new Setup(new Stage2(c));
        int mark = t.s.mark();
        assertResult(ERROR_INPUT, 0, t.call(t.s.rd, t.data, IPA, secure, 1));
        assertEquals(GranuleState.DELEGATED, t.s.f.machine.rmm().granules().stateOf(t.data));
        assertTrue(t.s.f.machine.memory().isZero(t.data));
        assertEquals(1, t.s.f.eventsOf(ModelEvent.Kind.GPF).size());
        assertTrue(t.s.entryEvents(mark).isEmpty());
        assertEquals(0, t.s.read(IPA, 3)[1], "entry stays UNASSIGNED");
    }

    @Test
    void successCopiesMapsAssignedRamAndMeasuresContent() {
        Setup t = new Setup();
        byte[] rimBefore = t.s.realms.realm(t.s.rd).measurement(0).clone();
        int mark = t.s.mark();
        long[] r = t.call();
        assertResult(SUCCESS, 0, r);
        assertEquals(1, r.length, "no output registers");
        assertEquals(GranuleState.DATA, t.s.f.machine.rmm().granules().stateOf(t.data));
        assertEquals(t.s.rd, t.s.f.machine.rmm().granules().get(t.data).owner());
        assertArrayEquals(t.content, t.s.f.machine.memory().readGranule(t.data));
        // 4.19: ASSIGNED, PA, RIPAS RAM at level 3
        assertArrayEquals(new long[] {3, Stage2.ASSIGNED, t.data, Stage2.RAM}, t.s.read(IPA, 3));
        List<ModelEvent.RttEntry> ev = t.s.entryEvents(mark);
        assertEquals(1, ev.size());
        assertEquals("UNASSIGNED", ev.get(0).fromState());
        assertEquals("EMPTY", ev.get(0).fromRipas());
        assertEquals("ASSIGNED", ev.get(0).toState());
        assertEquals("RAM", ev.get(0).toRipas());
        assertEquals(t.data, ev.get(0).pa());
        assertEquals(IPA, ev.get(0).ipa());
        assertEquals(3, ev.get(0).level());
        byte[] expected = Rim.data(rimBefore, IPA, 1, t.content);
        assertArrayEquals(expected, Arrays.copyOf(t.s.realms.realm(t.s.rd).measurement(0), 32));
    }

    @Test
    void successWithoutMeasureContentLeavesContentHashOut() {
        Setup t = new Setup();
        byte[] rimBefore = t.s.realms.realm(t.s.rd).measurement(0).clone();
        assertResult(SUCCESS, 0, t.call(t.s.rd, t.data, IPA, t.src, 0));
        byte[] expected = Rim.data(rimBefore, IPA, 0, t.content);
        assertArrayEquals(expected, Arrays.copyOf(t.s.realms.realm(t.s.rd).measurement(0), 32));
    }

    @Test
    void successOverwritesRamAndDestroyedRipas() {
        // 4.11 / 7.4: UNASSIGNED with any RIPAS -> ASSIGNED RAM
        Setup t = new Setup();
        long ramIpa = IPA + L3, destroyedIpa = IPA - L3;
        t.s.initRipas(destroyedIpa, ramIpa + L3);
        t.s.data(destroyedIpa);
        Stage2.ok(t.s.rmi("RMI_DATA_DESTROY", t.s.rd, destroyedIpa), "RMI_DATA_DESTROY");
        assertEquals(Stage2.DESTROYED, t.s.read(destroyedIpa, 3)[3]);
        assertEquals(Stage2.RAM, t.s.read(ramIpa, 3)[3]);

        assertResult(SUCCESS, 0, t.call(t.s.rd, t.data, destroyedIpa, t.src, 0));
        assertArrayEquals(new long[] {3, Stage2.ASSIGNED, t.data, Stage2.RAM},
                t.s.read(destroyedIpa, 3));
        long d2 = t.s.realms.delegated();
        assertResult(SUCCESS, 0, t.call(t.s.rd, d2, ramIpa, t.src, 0));
        assertArrayEquals(new long[] {3, Stage2.ASSIGNED, d2, Stage2.RAM}, t.s.read(ramIpa, 3));
    }
}
