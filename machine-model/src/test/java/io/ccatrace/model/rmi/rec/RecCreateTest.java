package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RecParamsPage;
import io.ccatrace.model.rmi.Realms;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_REC_CREATE (reference 4.9): one test per failure condition with every earlier one
 * false, in the model's order (the spec's condition list as the ACS gives it: params, rec,
 * rd, REC limit, realm_state, mpidr_index, num_aux, aux; docs/model-decisions.md), and the
 * success effects (reference 4.9, 7.1, 9.6, 10.2).
 */
class RecCreateTest {
    static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REALM = 2;

    final Fixture f = new Fixture();
    final Realms r = new Realms(f);

    /** A valid call: NEW realm, runnable REC params for index 0, delegated rec granule. */
    final class Call {
        final long rd = r.create(40, 1);
        final RecParamsPage p = r.recParams(0, true);
        long rec = r.delegated();

        long[] run() {
            return f.rmi("RMI_REC_CREATE", rd, rec, r.write(p));
        }

        int status() {
            return Fixture.status(run());
        }

        GranuleState stateOf(long pa) {
            return f.machine.rmm().granules().stateOf(pa);
        }
    }

    @Test
    void validCallSucceeds() {
        assertEquals(SUCCESS, new Call().status());
    }

    // params_align
    @Test
    void paramsAlign() {
        Call c = new Call();
        long pa = r.write(c.p);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", c.rd, c.rec, pa + 8)));
    }

    // params_bound
    @Test
    void paramsBound() {
        Call c = new Call();
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", c.rd, c.rec, 0x2000L)));
    }

    // params_pas: the params granule is in the Realm PAS
    @Test
    void paramsPas() {
        Call c = new Call();
        long pa = r.write(c.p);
        r.delegate(pa);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", c.rd, c.rec, pa)));
        assertEquals(0, f.eventsOf(ModelEvent.Kind.GPF).size(),
                "a granule the RMM tracks as delegated is refused without an access");
    }

    // params_pas: the params granule is Secure memory, so the RMM's read faults (a GPF)
    @Test
    void paramsPasSecure() {
        long secure = 0x1_0000_0000L;
        Fixture g = new Fixture(MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(secure, 1L << 20, Pas.SECURE))));
        Realms rg = new Realms(g);
        long rd = rg.create(40, 1);
        rg.recParams(0, true);
        long rec = rg.delegated();
        assertEquals(ERROR_INPUT, Fixture.status(g.rmi("RMI_REC_CREATE", rd, rec, secure)));
        assertEquals(1, g.eventsOf(ModelEvent.Kind.GPF).size());
    }

    // rec_align
    @Test
    void recAlign() {
        Call c = new Call();
        c.rec += 0x40;
        assertEquals(ERROR_INPUT, c.status());
    }

    // rec_bound
    @Test
    void recBound() {
        Call c = new Call();
        c.rec = 0x7000_0000L;
        assertEquals(ERROR_INPUT, c.status());
    }

    // rec_state: UNDELEGATED, RD, RTT and REC granules are refused
    @Test
    void recState() {
        Call c = new Call();
        c.rec = r.ns();
        assertEquals(ERROR_INPUT, c.status());
        c.rec = c.rd;
        assertEquals(ERROR_INPUT, c.status());
        c.rec = r.realm(c.rd).startingRtts().get(0).pa();
        assertEquals(ERROR_INPUT, c.status());
        c.rec = r.rec(c.rd, 0);
        c.p.mpidr = 1;
        assertEquals(ERROR_INPUT, c.status());
    }

    // rd_align
    @Test
    void rdAlign() {
        Call c = new Call();
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", c.rd + 8, c.rec, r.write(c.p))));
    }

    // rd_bound
    @Test
    void rdBound() {
        Call c = new Call();
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", 0L, c.rec, r.write(c.p))));
    }

    // rd_state: DELEGATED, UNDELEGATED and REC granules are not an RD
    @Test
    void rdState() {
        Call c = new Call();
        long params = r.write(c.p);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", r.delegated(), c.rec, params)));
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", r.ns(), c.rec, params)));
        long other = r.rec(c.rd, 0);
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_CREATE", other, c.rec, params)));
    }

    // (impl.) the realm already has 2^MAX_RECS_ORDER - 1 = 1023 live RECs (reference 2.5, 4.9)
    @Test
    void recLimit() {
        Call c = new Call();
        long[] recs = new long[1023];
        for (int i = 0; i < 1023; i++) recs[i] = r.rec(c.rd, mpidr(i));
        c.p.mpidr = mpidr(1023);
        assertEquals(ERROR_REALM, c.status());
        // the limit counts live RECs: destroying one makes room (REC index keeps counting)
        assertEquals(SUCCESS, Fixture.status(f.rmi("RMI_REC_DESTROY", recs[5])));
        assertEquals(SUCCESS, c.status());
    }

    // realm_state: ACTIVE
    @Test
    void realmStateActive() {
        Call c = new Call();
        r.activate(c.rd);
        assertEquals(ERROR_REALM, c.status());
    }

    // realm_state: SYSTEM_OFF (set through the lifecycle, as PSCI SYSTEM_OFF would)
    @Test
    void realmStateSystemOff() {
        Call c = new Call();
        r.activate(c.rd);
        f.machine.rmm().realms().systemOff(r.realm(c.rd));
        assertEquals(ERROR_REALM, c.status());
    }

    // Chosen reading of the UNCERTAIN order (docs/model-decisions.md): realm_state is checked
    // before num_aux and the aux granules, so with both wrong the result is ERROR_REALM.
    @Test
    void realmStateRanksBeforeAuxChecks() {
        Call c = new Call();
        r.activate(c.rd);
        c.p.aux[3] = r.ns();
        assertEquals(ERROR_REALM, c.status());
        c.p.numAux = 17;
        assertEquals(ERROR_REALM, c.status());
    }

    // mpidr_index: index skipped (first REC must be index 0)
    @Test
    void mpidrIndexSkipped() {
        Call c = new Call();
        c.p.mpidr = 1;
        assertEquals(ERROR_INPUT, c.status());
        c.p.mpidr = 0x100; // Aff1 = 1 -> index 16
        assertEquals(ERROR_INPUT, c.status());
    }

    // mpidr_index: index already used (RECs are created in order 0, 1, ...)
    @Test
    void mpidrIndexRepeated() {
        Call c = new Call();
        r.rec(c.rd, 0);
        assertEquals(ERROR_INPUT, c.status());
        c.p.mpidr = 1;
        assertEquals(SUCCESS, c.status());
    }

    // mpidr_index: bits outside Aff0[3:0], Aff1, Aff2, Aff3[31:24] set
    @Test
    void mpidrInvalidBits() {
        Call c = new Call();
        c.p.mpidr = 0x10; // Aff0 bit 4
        assertEquals(ERROR_INPUT, c.status());
        c.p.mpidr = 1L << 32;
        assertEquals(ERROR_INPUT, c.status());
    }

    // num_aux: not REC_AUX_COUNT (16)
    @Test
    void numAux() {
        Call c = new Call();
        c.p.numAux = 15;
        assertEquals(ERROR_INPUT, c.status());
        c.p.numAux = 17;
        assertEquals(ERROR_INPUT, c.status());
        c.p.numAux = 0;
        assertEquals(ERROR_INPUT, c.status());
        c.p.numAux = -1;
        assertEquals(ERROR_INPUT, c.status());
    }

    // aux_align
    @Test
    void auxAlign() {
        Call c = new Call();
        c.p.aux[7] += 0x100;
        assertEquals(ERROR_INPUT, c.status());
    }

    // aux_bound
    @Test
    void auxBound() {
        Call c = new Call();
        c.p.aux[0] = 0x1000L;
        assertEquals(ERROR_INPUT, c.status());
    }

    // aux_alias: the same granule twice, or the REC granule itself
    @Test
    void auxAlias() {
        Call c = new Call();
        c.p.aux[9] = c.p.aux[2];
        assertEquals(ERROR_INPUT, c.status());
        c.p.aux[9] = c.rec;
        assertEquals(ERROR_INPUT, c.status());
    }

    // aux_state: UNDELEGATED, RD, RTT, REC and REC_AUX granules are refused
    @Test
    void auxState() {
        Call c = new Call();
        long good = c.p.aux[15];
        c.p.aux[15] = r.ns();
        assertEquals(ERROR_INPUT, c.status());
        c.p.aux[15] = c.rd;
        assertEquals(ERROR_INPUT, c.status());
        c.p.aux[15] = r.realm(c.rd).startingRtts().get(1).pa();
        assertEquals(ERROR_INPUT, c.status());
        RecParamsPage first = r.recParams(0, true);
        long firstRec = r.rec(c.rd, first);
        c.p.mpidr = 1;
        c.p.aux[15] = firstRec;
        assertEquals(ERROR_INPUT, c.status());
        c.p.aux[15] = first.aux[0];
        assertEquals(ERROR_INPUT, c.status());
        c.p.aux[15] = good;
        assertEquals(SUCCESS, c.status());
    }

    // 7.1: a failed REC_CREATE leaves no aux granule claimed and changes no granule
    @Test
    void failureLeavesAuxGranulesDelegated() {
        Call c = new Call();
        c.p.aux[15] = r.ns();
        int before = f.eventsOf(ModelEvent.Kind.GRANULE_STATE).size();
        assertEquals(ERROR_INPUT, c.status());
        assertEquals(before, f.eventsOf(ModelEvent.Kind.GRANULE_STATE).size());
        for (int i = 0; i < 15; i++) assertEquals(GranuleState.DELEGATED, c.stateOf(c.p.aux[i]));
        assertEquals(GranuleState.DELEGATED, c.stateOf(c.rec));
        assertEquals(0, r.realm(c.rd).recCount());
    }

    // 4.9 success: REC and aux granules claimed, REC registers from params, REC count + 1
    @Test
    void successStateAndRegisters() {
        Call c = new Call();
        c.p.pc = 0x8000_0000L;
        for (int i = 0; i < 8; i++) c.p.gprs[i] = 0x1111L * (i + 1);
        f.events.clear();
        assertEquals(0L, c.run()[0]);
        assertEquals(GranuleState.REC, c.stateOf(c.rec));
        for (long a : c.p.aux) assertEquals(GranuleState.REC_AUX, c.stateOf(a));
        assertEquals(1, r.realm(c.rd).recCount());
        Rec rec = r.recObject(c.rec);
        assertEquals(c.rd, rec.rd());
        assertEquals(0, rec.index());
        assertEquals(0x8000_0000L, rec.pc);
        for (int i = 0; i < 8; i++) assertEquals(0x1111L * (i + 1), rec.gprs[i]);
        for (int i = 8; i < 31; i++) assertEquals(0L, rec.gprs[i], "x8..x30 start zero");
        assertTrue(rec.runnable());
        assertFalse(rec.running());
        assertEquals(0L, rec.psciPendingFid);
        assertEquals(-1L, rec.hostCallIpa);
        assertFalse(rec.ripasPending());
        assertArrayEquals(c.p.aux, rec.aux());
        List<ModelEvent> gs = f.eventsOf(ModelEvent.Kind.GRANULE_STATE);
        assertEquals(17, gs.size());
        for (ModelEvent e : gs) assertEquals(c.rd, ((ModelEvent.GranuleState) e).realm());
        ModelEvent.RecState rs = (ModelEvent.RecState) f.eventsOf(ModelEvent.Kind.REC_STATE).get(0);
        assertNull(rs.from());
        assertEquals("RUNNABLE", rs.to());
        assertEquals(c.rec, rs.rec());
    }

    // 10.2/9.6: a RUNNABLE REC extends the RIM with a REC descriptor whose content is the hash
    // of a params image holding only flags, pc and gprs (mpidr, num_aux, aux are not measured)
    @Test
    void runnableRecExtendsRim() throws Exception {
        Call c = new Call();
        r.rec(c.rd, 0);
        c.p.mpidr = 1;
        c.p.pc = 0x4000;
        c.p.gprs[0] = 0xDEAD;
        c.p.gprs[7] = 0xBEEF;
        byte[] oldRim = r.realm(c.rd).measurement(0).clone();
        assertEquals(SUCCESS, c.status());

        ByteBuffer img = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        img.putLong(0x000, 1);
        img.putLong(0x200, 0x4000);
        img.putLong(0x300, 0xDEAD);
        img.putLong(0x300 + 7 * 8, 0xBEEF);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] content = sha.digest(img.array());
        ByteBuffer desc = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        desc.put(0, (byte) 1);
        desc.putLong(0x08, 0x100);
        desc.position(0x10);
        desc.put(oldRim, 0, 32);
        desc.position(0x50);
        desc.put(content);
        byte[] expected = sha.digest(desc.array());
        assertArrayEquals(expected, Arrays.copyOf(r.realm(c.rd).measurement(0), 32));
    }

    // 2.3/10.2: a REC created without RUNNABLE is not measured
    @Test
    void nonRunnableRecIsNotMeasured() {
        Call c = new Call();
        c.p.flags = 0;
        byte[] oldRim = r.realm(c.rd).measurement(0).clone();
        f.events.clear();
        assertEquals(SUCCESS, c.status());
        assertArrayEquals(oldRim, r.realm(c.rd).measurement(0));
        assertEquals(0, f.eventsOf(ModelEvent.Kind.MEASUREMENT).size());
        assertFalse(r.recObject(c.rec).runnable());
        assertEquals("NOT_RUNNABLE", ((ModelEvent.RecState) f.eventsOf(ModelEvent.Kind.REC_STATE).get(0)).to());
    }

    /** RmiRecMpidr for REC index i (reference 4.9: idx = Aff0[3:0] | Aff1 << 4 | ...). */
    static long mpidr(int i) {
        return (i & 0xF) | ((long) ((i >> 4) & 0xFF) << 8) | ((long) ((i >> 12) & 0xFF) << 16);
    }
}
