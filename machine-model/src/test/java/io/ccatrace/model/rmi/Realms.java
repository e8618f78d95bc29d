package io.ccatrace.model.rmi;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rec.Rec;

/**
 * Test helper for building realms through the RMI, as a host would: hands out granules in
 * order (NS pages for params, delegated granules for RDs/RTTs/RECs/data), writes params pages
 * with nsWrite, and creates realms and RECs. Every step asserts success, so a test that uses
 * it fails loudly when its setup does.
 *
 * <pre>
 *   Fixture f = new Fixture();
 *   Realms r = new Realms(f);
 *   long rd = r.createActive(40, 1);          // NEW -> ACTIVE, IPA width 40, start level 1
 *   long rec = r.rec(rd, 0);                  // runnable REC with MPIDR 0 (index 0)
 * </pre>
 */
public final class Realms {
    public final Fixture f;
    private int next = 1;
    private int nextVmid = 1;

    public Realms(Fixture f) {
        this.f = f;
    }

    /** Next unused granule of DRAM, left in the NS PAS (UNDELEGATED). */
    public long ns() {
        return Fixture.gran(next++);
    }

    /** n contiguous unused granules (first PA), left UNDELEGATED. */
    public long nsRun(int n) {
        long first = Fixture.gran(next);
        next += n;
        return first;
    }

    /** Next unused granule, delegated. */
    public long delegated() {
        long pa = ns();
        delegate(pa);
        return pa;
    }

    /** n contiguous delegated granules (first PA). */
    public long delegatedRun(int n) {
        long first = nsRun(n);
        for (int i = 0; i < n; i++) delegate(first + 4096L * i);
        return first;
    }

    public void delegate(long pa) {
        expectOk(f.rmi("RMI_GRANULE_DELEGATE", pa), "RMI_GRANULE_DELEGATE");
    }

    /** Valid params for (s2sz, start level) with a fresh VMID; rtt_base/num_start left 0. */
    public RealmParamsPage params(int s2sz, int level) {
        RealmParamsPage p = new RealmParamsPage();
        p.s2sz = s2sz;
        p.rttLevelStart = level;
        p.rttNumStart = startingTables(s2sz, level);
        p.vmid = nextVmid++;
        return p;
    }

    /** Writes a params page to a fresh NS granule; returns its PA. */
    public long write(RealmParamsPage p) {
        long pa = ns();
        f.machine.nsWrite(0, pa, p.bytes());
        return pa;
    }

    public long write(RecParamsPage p) {
        long pa = ns();
        f.machine.nsWrite(0, pa, p.bytes());
        return pa;
    }

    /** A NEW realm with the given geometry; returns its RD. */
    public long create(int s2sz, int level) {
        return create(params(s2sz, level));
    }

    /** A NEW realm from params (rtt_base is filled in with fresh delegated granules). */
    public long create(RealmParamsPage p) {
        p.rttBase = delegatedRun((int) p.rttNumStart);
        long rd = delegated();
        expectOk(f.rmi("RMI_REALM_CREATE", rd, write(p)), "RMI_REALM_CREATE");
        return rd;
    }

    /** An ACTIVE realm (no RECs). */
    public long createActive(int s2sz, int level) {
        long rd = create(s2sz, level);
        activate(rd);
        return rd;
    }

    public void activate(long rd) {
        expectOk(f.rmi("RMI_REALM_ACTIVATE", rd), "RMI_REALM_ACTIVATE");
    }

    /** Valid REC params for MPIDR mpidr with 16 fresh delegated aux granules. */
    public RecParamsPage recParams(long mpidr, boolean runnable) {
        RecParamsPage p = new RecParamsPage();
        p.mpidr = mpidr;
        p.flags = runnable ? 1 : 0;
        for (int i = 0; i < 16; i++) p.aux[i] = delegated();
        return p;
    }

    /** Creates a REC in a NEW realm from params; returns the REC granule. */
    public long rec(long rd, RecParamsPage p) {
        long rec = delegated();
        expectOk(f.rmi("RMI_REC_CREATE", rd, rec, write(p)), "RMI_REC_CREATE");
        return rec;
    }

    /** A runnable REC with this MPIDR (must be the realm's next index) in a NEW realm. */
    public long rec(long rd, long mpidr) {
        return rec(rd, recParams(mpidr, true));
    }

    /** The model's realm object at rd (for state assertions). */
    public Realm realm(long rd) {
        return f.machine.rmm().realmAt(rd);
    }

    public Rec recObject(long rec) {
        return f.machine.rmm().recAt(rec);
    }

    /** rtt_num_start for a valid (s2sz, level) pair without LPA2, from reference 11.3. */
    public static int startingTables(int s2sz, int level) {
        int resolvedByOne = 12 + 9 * (4 - level);
        return s2sz <= resolvedByOne ? 1 : 1 << (s2sz - resolvedByOne);
    }

    private static void expectOk(long[] regs, String what) {
        if (regs[0] != 0) {
            throw new AssertionError(what + " failed in test setup: x0 = 0x" + Long.toHexString(regs[0]));
        }
    }
}
