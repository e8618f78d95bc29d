package io.ccatrace.model.rmi;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rsi.RealmCallTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test helper for realm execution: a realm (IPA width 40, starting level 1, via the
 * {@link Stage2} helper) with REC 0 runnable, a RecRun page, and shortcuts to shape its
 * memory (while NEW), queue guest steps, enter the REC and read RecRun.exit back as the host
 * does. Everything goes through the public RMI / NS-memory / step-queue paths.
 */
public final class Guest {
    public final Stage2 s2;
    public final Fixture f;
    public final long rd;
    public final long rec;
    public final long run;
    private final Set<String> tables = new HashSet<>();

    public Guest() {
        this(new Stage2());
    }

    public Guest(MachineConfig c) {
        this(new Stage2(c));
    }

    /** A guest whose realm params are adjusted by tweak (e.g. hash_algo, rpv). */
    public Guest(MachineConfig c, java.util.function.Consumer<RealmParamsPage> tweak) {
        this(new Stage2(new Fixture(c), 40, 1, tweak));
    }

    private Guest(Stage2 s2) {
        this.s2 = s2;
        this.f = s2.f;
        this.rd = s2.rd;
        this.rec = s2.realms.rec(rd, 0);
        this.run = s2.realms.ns();
    }

    /** A further REC with this MPIDR (the next index), runnable or not; realm must be NEW. */
    public long addRec(long mpidr, boolean runnable) {
        return s2.realms.rec(rd, s2.realms.recParams(mpidr, runnable));
    }

    public Guest activate() {
        s2.activate();
        return this;
    }

    public long protectedTop() {
        return s2.unprotected();
    }

    // ---- memory shaping (level-3 pages) ----

    /** Level 2 and 3 tables covering ipa, created once. */
    public void tablesFor(long ipa) {
        for (int l = 2; l <= 3; l++) {
            String key = l + ":" + (ipa & -(1L << (12 + 9 * (4 - l))));
            if (tables.add(key)) s2.rtt(ipa, l);
        }
    }

    /** ASSIGNED RAM page at ipa (realm NEW); returns the DATA granule. */
    public long ram(long ipa) {
        unassignedRam(ipa);
        return s2.data(ipa);
    }

    /** ASSIGNED RAM page at ipa holding content (DATA_CREATE from an NS source, realm NEW). */
    public long ramWith(long ipa, byte[] content) {
        tablesFor(ipa);
        long src = s2.source(content);
        long pa = s2.realms.delegated();
        Stage2.ok(s2.rmi("RMI_DATA_CREATE", rd, pa, ipa, src, 0), "RMI_DATA_CREATE");
        return pa;
    }

    /** A second ACTIVE realm on the same machine with a runnable REC 0; returns that REC. */
    public long otherRealmRec() {
        long other = s2.realms.create(40, 1);
        long r = s2.realms.rec(other, 0);
        s2.realms.activate(other);
        return r;
    }

    /** UNASSIGNED RAM page at ipa (realm NEW). */
    public void unassignedRam(long ipa) {
        tablesFor(ipa);
        s2.initRipas(ipa, ipa + 4096);
    }

    /** ASSIGNED EMPTY page at ipa; returns the DATA granule. */
    public long assignedEmpty(long ipa) {
        tablesFor(ipa);
        return s2.data(ipa);
    }

    /** UNASSIGNED DESTROYED page at ipa (ASSIGNED RAM, then DATA_DESTROY). */
    public void destroyed(long ipa) {
        ram(ipa);
        Stage2.ok(s2.rmi("RMI_DATA_DESTROY", rd, ipa), "RMI_DATA_DESTROY");
    }

    /** Maps an NS page at the unprotected ipa with S2AP (0..3), MemAttr normal WB (0b110). */
    public void mapNs(long ipa, long pa, long s2ap) {
        tablesFor(ipa);
        s2.map(ipa, 3, pa | (s2ap << 6) | (0b110 << 2));
    }

    // ---- steps and entries ----

    public static long fid(String name) {
        RealmCallTable.Entry e = io.ccatrace.model.rsi.Rsi10.table().byName(name);
        if (e == null) throw new IllegalArgumentException("no realm call " + name);
        return e.fid();
    }

    public Guest step(GuestStep s) {
        return step(rec, s);
    }

    public Guest step(long recPa, GuestStep s) {
        f.machine.queueStep(recPa, s);
        return this;
    }

    public Guest call(String name, long... args) {
        return step(GuestStep.call(fid(name), args));
    }

    public Guest call(long recPa, String name, long... args) {
        return step(recPa, GuestStep.call(fid(name), args));
    }

    public long[] enter() {
        return enter(rec, RecRunEnter.of(0, 0));
    }

    public long[] enter(long flags) {
        return enter(rec, RecRunEnter.of(flags, 0));
    }

    public long[] enter(long flags, long gpr0) {
        return enter(rec, RecRunEnter.of(flags, gpr0));
    }

    /** Writes the enter half to the RecRun page and calls RMI_REC_ENTER; x0.. returned. */
    public long[] enter(long recPa, RecRunEnter e) {
        f.machine.nsWrite(0, run, e.toBytes());
        return f.rmi("RMI_REC_ENTER", recPa, run);
    }

    /** Enters and asserts SUCCESS; returns the exit the host reads back. */
    public RecRunExit run() {
        return run(0, 0);
    }

    public RecRunExit run(long flags, long gpr0) {
        return runRec(rec, RecRunEnter.of(flags, gpr0));
    }

    public RecRunExit runRec(long recPa, RecRunEnter e) {
        Stage2.ok(enter(recPa, e), "RMI_REC_ENTER");
        return exit();
    }

    /** RecRun.exit as the host reads it. */
    public RecRunExit exit() {
        return RecRunExit.parse(f.machine.nsRead(0, run + RecRunExit.OFFSET, RecRunExit.SIZE));
    }

    public Rec recObject() {
        return f.machine.rmm().recAt(rec);
    }

    public Rec recObject(long recPa) {
        return f.machine.rmm().recAt(recPa);
    }

    public int queued() {
        return f.machine.rmm().guest().size(rec);
    }

    // ---- events ----

    public <T extends ModelEvent> List<T> events(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ModelEvent e : f.events) {
            if (type.isInstance(e)) out.add(type.cast(e));
        }
        return out;
    }

    public <T extends ModelEvent> T last(Class<T> type) {
        List<T> l = events(type);
        if (l.isEmpty()) throw new AssertionError("no " + type.getSimpleName() + " event");
        return l.get(l.size() - 1);
    }

    public int mark() {
        return f.events.size();
    }

    public <T extends ModelEvent> List<T> eventsSince(int mark, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (int i = mark; i < f.events.size(); i++) {
            if (type.isInstance(f.events.get(i))) out.add(type.cast(f.events.get(i)));
        }
        return out;
    }
}
