package io.ccatrace.model.rmi.realm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RealmParamsPage;
import io.ccatrace.model.rmi.Realms;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_REALM_CREATE (reference 4.5): one test per failure condition, in the reference's order,
 * with every earlier condition false; then the success effects. The default machine reports
 * FEAT0 S2SZ 48, no LPA2, SVE_VL 3, NUM_BPS 5, NUM_WPS 3, PMU_NUM_CTRS 8 (reference 2.5 with
 * MachineConfig.defaults()).
 */
class RealmCreateTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1;
    static final long SECURE_BANK = 0x1_0000_0000L;

    final Fixture f = new Fixture();
    final Realms r = new Realms(f);

    /** Valid params (s2sz 40, level 1, two tables) with delegated RTTs and a delegated rd. */
    final class Call {
        final RealmParamsPage p = r.params(40, 1);
        long rd;

        Call() {
            p.rttBase = r.delegatedRun(2);
            rd = r.delegated();
        }

        long[] run() {
            return f.rmi("RMI_REALM_CREATE", rd, r.write(p));
        }

        int status() {
            return Fixture.status(run());
        }
    }

    @Test
    void validCallSucceeds() {
        assertEquals(SUCCESS, new Call().status());
    }

    // 1 params_align
    @Test
    void paramsAlign() {
        Call c = new Call();
        long pa = r.write(c.p);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REALM_CREATE", c.rd, pa + 8)));
    }

    // 1 params_bound
    @Test
    void paramsBound() {
        Call c = new Call();
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REALM_CREATE", c.rd, 0x1000L)));
    }

    // 2 params_pas: the params granule is in the Realm PAS, so the RMM's read faults
    @Test
    void paramsPas() {
        Call c = new Call();
        long pa = r.write(c.p);
        r.delegate(pa);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REALM_CREATE", c.rd, pa)));
        assertEquals(GranuleState.DELEGATED, f.machine.rmm().granules().stateOf(c.rd));
        assertEquals(0, f.eventsOf(ModelEvent.Kind.GPF).size(),
                "a granule the RMM tracks as delegated is refused without an access");
    }

    // 2 params_pas: the params granule is Secure memory, so the RMM's read faults (a GPF)
    @Test
    void paramsPasSecure() {
        Fixture g = new Fixture(MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS),
                new DramBank(SECURE_BANK, 1L << 20, Pas.SECURE))));
        Realms rg = new Realms(g);
        RealmParamsPage p = rg.params(40, 1);
        p.rttBase = rg.delegatedRun(2);
        long rd = rg.delegated();
        assertEquals(ERROR_INPUT, Fixture.status(g.rmi("RMI_REALM_CREATE", rd, SECURE_BANK)));
        List<ModelEvent> gpf = g.eventsOf(ModelEvent.Kind.GPF);
        assertEquals(1, gpf.size());
        assertEquals("SECURE", ((ModelEvent.Gpf) gpf.get(0)).pas());
    }

    // 3 params_supp: LPA2 requested, FEAT0.LPA2 = 0
    @Test
    void paramsSuppLpa2() {
        Call c = new Call();
        c.p.flags = 1;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 4 params_valid: s2sz below 32
    @Test
    void paramsValidS2szTooSmall() {
        Call c = new Call();
        c.p.s2sz = 31;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 4 params_valid: s2sz above FEAT0.S2SZ (48)
    @Test
    void paramsValidS2szTooLarge() {
        Call c = new Call();
        c.p.s2sz = 49;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 5 params_supp: num_bps == 0
    @Test
    void paramsSuppNumBpsZero() {
        Call c = new Call();
        c.p.numBps = 0;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 5 params_supp: num_bps > FEAT0.NUM_BPS (5)
    @Test
    void paramsSuppNumBpsTooMany() {
        Call c = new Call();
        c.p.numBps = 6;
        assertEquals(ERROR_INPUT, c.status());
        c.p.numBps = 5;
        assertEquals(SUCCESS, c.status());
    }

    // 5 params_supp: num_wps == 0
    @Test
    void paramsSuppNumWpsZero() {
        Call c = new Call();
        c.p.numWps = 0;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 5 params_supp: num_wps > FEAT0.NUM_WPS (3)
    @Test
    void paramsSuppNumWpsTooMany() {
        Call c = new Call();
        c.p.numWps = 4;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 6 params_supp: SVE with sve_vl > FEAT0.SVE_VL (3)
    @Test
    void paramsSuppSveVl() {
        Call c = new Call();
        c.p.flags = 2;
        c.p.sveVl = 4;
        assertEquals(ERROR_INPUT, c.status());
        c.p.sveVl = 3;
        assertEquals(SUCCESS, c.status());
    }

    // 6 params_supp: SVE requested on a PE without SVE (FEAT0.SVE_EN = 0)
    @Test
    void paramsSuppSveAbsent() {
        MachineConfig d = MachineConfig.defaults();
        Fixture g = new Fixture(new MachineConfig(d.dram(), d.cpus(), d.paBits(), d.vmidBits(),
                d.seed(), d.rmmModel(), d.numBps(), d.numWps(), d.pmuNumCtrs(), false, 0,
                d.gicNumLrs()));
        Realms rg = new Realms(g);
        RealmParamsPage p = rg.params(40, 1);
        p.flags = 2;
        p.rttBase = rg.delegatedRun(2);
        long rd = rg.delegated();
        assertEquals(ERROR_INPUT, Fixture.status(g.rmi("RMI_REALM_CREATE", rd, rg.write(p))));
    }

    // 7 params_supp: PMU with more counters than FEAT0.PMU_NUM_CTRS (8)
    @Test
    void paramsSuppPmuTooManyCounters() {
        Call c = new Call();
        c.p.flags = 4;
        c.p.pmuNumCtrs = 9;
        assertEquals(ERROR_INPUT, c.status());
        c.p.pmuNumCtrs = 8;
        assertEquals(SUCCESS, c.status());
    }

    // 7 params_supp: PMU with 0 counters on a PE without FEAT_HPMN0
    @Test
    void paramsSuppPmuZeroCounters() {
        Call c = new Call();
        c.p.flags = 4;
        c.p.pmuNumCtrs = 0;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 8 rtt_num_level: level 2 allows only s2sz 32..34 (11.3)
    @Test
    void rttNumLevelBadPair() {
        Call c = new Call();
        c.p.rttLevelStart = 2;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 8 rtt_num_level: level 3 is never a starting level; level -1 needs LPA2
    @Test
    void rttNumLevelImpossibleLevels() {
        Call c = new Call();
        c.p.rttLevelStart = 3;
        assertEquals(ERROR_INPUT, c.status());
        c.p.rttLevelStart = -1;
        assertEquals(ERROR_INPUT, c.status());
        c.p.rttLevelStart = 1L << 32 | 1;
        assertEquals(ERROR_INPUT, c.status(), "rtt_level_start is 8 bytes, signed (9.1)");
    }

    // 8 rtt_num_level: level 0 refused on a PE with PA range below 44 bits (4.5 platform rule)
    @Test
    void rttNumLevelLevel0OnSmallPaRange() {
        Fixture g = new Fixture(MachineConfig.defaults().withPaBits(40));
        Realms rg = new Realms(g);
        RealmParamsPage p = rg.params(40, 0);
        p.rttBase = rg.delegatedRun(1);
        long rd = rg.delegated();
        assertEquals(ERROR_INPUT, Fixture.status(g.rmi("RMI_REALM_CREATE", rd, rg.write(p))));
    }

    // 9 rtt_num_level: rtt_num_start does not match (s2sz 40 at level 1 needs 2 tables)
    @Test
    void rttNumStartMismatch() {
        Call c = new Call();
        c.p.rttNumStart = 1;
        assertEquals(ERROR_INPUT, c.status());
        c.p.rttNumStart = 4;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 10 params_valid: hash_algo not 0 or 1
    @Test
    void hashAlgoInvalid() {
        Call c = new Call();
        c.p.hashAlgo = 2;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 11 vmid_valid: VMID held by a live realm
    @Test
    void vmidInUse() {
        Call first = new Call();
        first.p.vmid = 7;
        assertEquals(SUCCESS, first.status());
        Call c = new Call();
        c.p.vmid = 7;
        assertEquals(ERROR_INPUT, c.status());
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_REALM_DESTROY", first.rd)));
        assertEquals(SUCCESS, c.status(), "a destroyed realm's VMID is free again (4.7)");
    }

    // 11 vmid_valid: VMID >= 2^vmid_bits
    @Test
    void vmidTooWide() {
        Fixture g = new Fixture(MachineConfig.defaults().withVmidBits(8));
        Realms rg = new Realms(g);
        RealmParamsPage p = rg.params(40, 1);
        p.vmid = 256;
        p.rttBase = rg.delegatedRun(2);
        long rd = rg.delegated();
        assertEquals(ERROR_INPUT, Fixture.status(g.rmi("RMI_REALM_CREATE", rd, rg.write(p))));
        p.vmid = 255;
        assertEquals(SUCCESS, Fixture.status(g.rmi("RMI_REALM_CREATE", rd, rg.write(p))));
    }

    // 12 alias: rd is one of the starting RTT granules
    @Test
    void aliasRdIsAStartingRtt() {
        Call c = new Call();
        c.rd = c.p.rttBase + 4096;
        assertEquals(ERROR_INPUT, c.status());
        c.rd = c.p.rttBase;
        assertEquals(ERROR_INPUT, c.status());
        assertEquals(GranuleState.DELEGATED, f.machine.rmm().granules().stateOf(c.p.rttBase));
    }

    // 13 rd_align
    @Test
    void rdAlign() {
        Call c = new Call();
        c.rd += 0x10;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 13 rd_bound
    @Test
    void rdBound() {
        Call c = new Call();
        c.rd = 0x4000_0000L;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 13 rd_state: rd not DELEGATED (UNDELEGATED, RD, RTT, REC)
    @Test
    void rdState() {
        Call c = new Call();
        c.rd = r.ns();
        assertEquals(ERROR_INPUT, c.status());
        Call other = new Call();
        assertEquals(SUCCESS, other.status());
        c.rd = other.rd;
        assertEquals(ERROR_INPUT, c.status());
        c.rd = other.p.rttBase;
        assertEquals(ERROR_INPUT, c.status());
        c.rd = r.rec(other.rd, 0);
        assertEquals(ERROR_INPUT, c.status());
    }

    // 14 rtt_align
    @Test
    void rttAlign() {
        Call c = new Call();
        c.p.rttBase += 0x800;
        assertEquals(ERROR_INPUT, c.status());
    }

    // 14 rtt_state: the second starting RTT is not DELEGATED
    @Test
    void rttStateSecondTable() {
        Call c = new Call();
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_GRANULE_UNDELEGATE", c.p.rttBase + 4096)));
        assertEquals(ERROR_INPUT, c.status());
        assertEquals(GranuleState.DELEGATED, f.machine.rmm().granules().stateOf(c.rd));
        assertEquals(GranuleState.DELEGATED, f.machine.rmm().granules().stateOf(c.p.rttBase));
    }

    @Test
    void successTransitionsGranulesAndEmitsEventsInOrder() {
        Call c = new Call();
        f.events.clear();
        assertEquals(0L, c.run()[0]);
        assertEquals(GranuleState.RD, f.machine.rmm().granules().stateOf(c.rd));
        assertEquals(GranuleState.RTT, f.machine.rmm().granules().stateOf(c.p.rttBase));
        assertEquals(GranuleState.RTT, f.machine.rmm().granules().stateOf(c.p.rttBase + 4096));
        List<ModelEvent> gs = f.eventsOf(ModelEvent.Kind.GRANULE_STATE);
        assertEquals(3, gs.size());
        for (ModelEvent e : gs) {
            assertEquals(c.rd, ((ModelEvent.GranuleState) e).realm(), "owner is the RD");
        }
        ModelEvent.RealmState rs = (ModelEvent.RealmState) f.eventsOf(ModelEvent.Kind.REALM_STATE).get(0);
        assertNull(rs.from());
        assertEquals("NEW", rs.to());
        assertEquals(1, f.eventsOf(ModelEvent.Kind.MEASUREMENT).size());
        assertEquals(0, f.eventsOf(ModelEvent.Kind.RTT_ENTRY).size(),
                "starting entries are implied, not emitted (docs/trace-format.md)");
        Realm realm = r.realm(c.rd);
        assertEquals("NEW", realm.state().name());
        assertEquals(0, realm.recCount());
    }

    // 4.5: protected half UNASSIGNED/EMPTY, unprotected half UNASSIGNED_NS (concatenated)
    @Test
    void startingEntriesTwoConcatenatedTables() {
        Call c = new Call();
        assertEquals(SUCCESS, c.status());
        List<Rtt> t = r.realm(c.rd).startingRtts();
        assertEquals(2, t.size());
        for (int i = 0; i < 512; i++) {
            assertEquals(RttState.UNASSIGNED, t.get(0).state(i));
            assertEquals("EMPTY", t.get(0).ripas(i).name());
            assertEquals(RttState.UNASSIGNED_NS, t.get(1).state(i));
        }
        assertEquals(c.p.rttBase, t.get(0).pa());
        assertEquals(c.p.rttBase + 4096, t.get(1).pa());
        assertEquals(1L << 39, t.get(1).baseIpa(), "second table starts at 512 GiB (11.1)");
    }

    // 4.5 with one table covering both halves: s2sz 32 at level 1 uses entries 0..3 (1 GiB each)
    @Test
    void startingEntriesSingleTableSplitHalves() {
        RealmParamsPage p = r.params(32, 1);
        assertEquals(1, p.rttNumStart);
        long rd = r.create(p);
        Rtt t = r.realm(rd).startingRtts().get(0);
        assertEquals(RttState.UNASSIGNED, t.state(0));
        assertEquals(RttState.UNASSIGNED, t.state(1));
        assertEquals(RttState.UNASSIGNED_NS, t.state(2));
        assertEquals(RttState.UNASSIGNED_NS, t.state(3));
    }

    // 10.2: RIM = H(4 KiB image with only flags, s2sz, sve_vl, num_bps, num_wps, pmu_num_ctrs,
    // hash_algo); rpv, vmid and RTT fields are not measured; numeric fields are read as 32 bits.
    @Test
    void rimIsHashOfMeasuredFieldsOnly() throws Exception {
        Call c = new Call();
        c.p.flags = 2 | 4;
        c.p.sveVl = 2;
        c.p.numBps = 3;
        c.p.numWps = 2;
        c.p.pmuNumCtrs = 5;
        c.p.rpv[0] = 0x55;
        c.p.s2sz = 0xABCD_0000_0000_0028L; // junk above the 32 bits TF-RMM reads; s2sz = 40
        assertEquals(SUCCESS, c.status());
        ByteBuffer img = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        img.putLong(0x000, 6);
        img.putLong(0x008, 40);
        img.putLong(0x010, 2);
        img.putLong(0x018, 3);
        img.putLong(0x020, 2);
        img.putLong(0x028, 5);
        img.put(0x030, (byte) 0);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(img.array());
        Realm realm = r.realm(c.rd);
        byte[] rim = realm.measurement(0);
        assertArrayEquals(expected, java.util.Arrays.copyOf(rim, 32));
        assertArrayEquals(new byte[32], java.util.Arrays.copyOfRange(rim, 32, 64));
        for (int i = 1; i <= 4; i++) {
            assertArrayEquals(new byte[64], realm.measurement(i), "REMs start zero (10.1)");
        }
    }

    // 10.1/10.2 with SHA-512: all 64 bytes of the slot are used
    @Test
    void rimSha512() throws Exception {
        Call c = new Call();
        c.p.hashAlgo = 1;
        assertEquals(SUCCESS, c.status());
        ByteBuffer img = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        img.putLong(0x008, 40);
        img.putLong(0x018, 1);
        img.putLong(0x020, 1);
        img.put(0x030, (byte) 1);
        byte[] expected = MessageDigest.getInstance("SHA-512").digest(img.array());
        assertArrayEquals(expected, r.realm(c.rd).measurement(0));
    }
}
