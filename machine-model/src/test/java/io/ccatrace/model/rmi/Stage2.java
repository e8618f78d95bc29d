package io.ccatrace.model.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper for stage-2 tests: one NEW realm (by default IPA width 40, starting level 1,
 * so two concatenated level-1 tables; Protected half [0, 2^39)) and host-side shortcuts for
 * RTT and DATA commands through the public RMI path. Every shortcut asserts success.
 */
public final class Stage2 {
    public static final int SUCCESS = 0, ERROR_INPUT = 1, ERROR_REALM = 2, ERROR_REC = 3,
            ERROR_RTT = 4;
    /** Entry sizes per level (reference 11.1). */
    public static final long L1 = 1L << 30, L2 = 1L << 21, L3 = 1L << 12;
    /** RmiRttEntryState codes (reference 2.1). */
    public static final long UNASSIGNED = 0, ASSIGNED = 1, TABLE = 2;
    /** RmiRipas codes (reference 2.1). */
    public static final long EMPTY = 0, RAM = 1, DESTROYED = 2;
    /** Start of a 2 MiB-aligned DRAM region the sequential allocator never reaches. */
    public static final long BLOCK_POOL = Fixture.DRAM + (512L << 20);

    public final Fixture f;
    public final Realms realms;
    public final long rd;
    public final int s2sz;
    private long nextBlock = BLOCK_POOL;

    public Stage2() {
        this(new Fixture(), 40, 1);
    }

    public Stage2(MachineConfig c) {
        this(new Fixture(c), 40, 1);
    }

    /** First granule of a 1 MiB NS DRAM bank {@link #withBankAt48Bits} adds. */
    public static final long PA_48 = 1L << 48;

    /**
     * The default realm on a machine with a second DRAM bank at 2^48 (delegated granule PA_48
     * included): PAs a realm without LPA2 may not use (reference 11.2, `*_bound2`).
     */
    public static Stage2 withBankAt48Bits() {
        Stage2 s = new Stage2(MachineConfig.defaults().withDram(List.of(
                new DramBank(Fixture.DRAM, 1L << 30, Pas.NS), new DramBank(PA_48, 1L << 20, Pas.NS))));
        s.realms.delegate(PA_48);
        return s;
    }

    public Stage2(Fixture f, int s2sz, int startLevel) {
        this(f, s2sz, startLevel, p -> { });
    }

    /** As above, with the realm's params adjusted by tweak (hash_algo, rpv, ...) first. */
    public Stage2(Fixture f, int s2sz, int startLevel,
                  java.util.function.Consumer<RealmParamsPage> tweak) {
        this.f = f;
        this.realms = new Realms(f);
        this.s2sz = s2sz;
        RealmParamsPage p = realms.params(s2sz, startLevel);
        tweak.accept(p);
        this.rd = realms.create(p);
    }

    /** First Unprotected IPA, 2^(w-1) (reference 8.1). */
    public long unprotected() {
        return 1L << (s2sz - 1);
    }

    public long[] rmi(String cmd, long... args) {
        return f.rmi(cmd, args);
    }

    /** Asserts status and index of an RMI result (x0 = status | index << 8, reference 1.2). */
    public static void assertResult(int status, int index, long[] regs) {
        assertEquals(status, Fixture.status(regs), "status");
        assertEquals(index, Fixture.index(regs), "index");
    }

    public static long[] ok(long[] regs, String what) {
        if (regs[0] != 0) {
            throw new AssertionError(what + " failed in test setup: x0 = 0x"
                    + Long.toHexString(regs[0]));
        }
        return regs;
    }

    /** RTT_CREATE of a new table at level for ipa (aligned down); returns its PA. */
    public long rtt(long ipa, int level) {
        long pa = realms.delegated();
        long base = ipa & -(1L << (12 + 9 * (4 - level)));
        ok(rmi("RMI_RTT_CREATE", rd, pa, base, level), "RMI_RTT_CREATE");
        return pa;
    }

    /** Creates the tables at levels from..to (inclusive) covering ipa. */
    public void tables(long ipa, int from, int to) {
        for (int l = from; l <= to; l++) rtt(ipa, l);
    }

    /** Level-2 and level-3 tables covering ipa (starting level 1). */
    public void pageTables(long ipa) {
        tables(ipa, 2, 3);
    }

    /** DATA_CREATE_UNKNOWN of a fresh delegated granule at ipa; returns the granule. */
    public long data(long ipa) {
        long pa = realms.delegated();
        ok(rmi("RMI_DATA_CREATE_UNKNOWN", rd, pa, ipa), "RMI_DATA_CREATE_UNKNOWN");
        return pa;
    }

    /**
     * 512 contiguous DATA granules, the first 2 MiB aligned, mapped at the 512 pages of the
     * level-3 table covering ipa (which must exist); returns the first PA.
     */
    public long dataBlock(long ipa) {
        long first = nextBlock;
        nextBlock += L2;
        long base = ipa & -L2;
        for (int i = 0; i < 512; i++) {
            long pa = first + i * L3;
            realms.delegate(pa);
            ok(rmi("RMI_DATA_CREATE_UNKNOWN", rd, pa, base + i * L3), "RMI_DATA_CREATE_UNKNOWN");
        }
        return first;
    }

    /** An NS granule holding content (written by the host); returns its PA. */
    public long source(byte[] content) {
        long pa = realms.ns();
        f.machine.nsWrite(0, pa, content);
        return pa;
    }

    public void initRipas(long base, long top) {
        long b = base;
        while (b != top) b = ok(rmi("RMI_RTT_INIT_RIPAS", rd, b, top), "RMI_RTT_INIT_RIPAS")[1];
    }

    public void map(long ipa, int level, long desc) {
        ok(rmi("RMI_RTT_MAP_UNPROTECTED", rd, ipa, level, desc), "RMI_RTT_MAP_UNPROTECTED");
    }

    public void activate() {
        realms.activate(rd);
    }

    /** x1..x4 of RTT_READ_ENTRY: walk level, state, desc, ripas. */
    public long[] read(long ipa, int level) {
        long[] r = ok(rmi("RMI_RTT_READ_ENTRY", rd, ipa, level), "RMI_RTT_READ_ENTRY");
        return new long[] {r[1], r[2], r[3], r[4]};
    }

    /** RTT_ENTRY events since event index `from`. */
    public List<ModelEvent.RttEntry> entryEvents(int from) {
        List<ModelEvent.RttEntry> out = new ArrayList<>();
        for (int i = from; i < f.events.size(); i++) {
            if (f.events.get(i) instanceof ModelEvent.RttEntry e) out.add(e);
        }
        return out;
    }

    /** Number of events so far (a mark for {@link #entryEvents}). */
    public int mark() {
        return f.events.size();
    }
}
