package io.ccatrace.model.host;

/**
 * A KVM vCPU thread: before each RMI_REC_ENTER it writes the enter fields it changed
 * (flags, an emulated read value, list registers), enters, reads RecRun.exit and hands it
 * to the realm's {@link ExitHandler}.
 */
public final class Vcpu implements HostThread {
    final HostRealm realm;
    final int index;
    final long rec;
    final long[] aux;
    final RecRun run;
    final Vgic vgic;
    boolean on;
    long entryFlags;
    boolean haveGpr0;
    long gpr0;
    /** A PSCI completion the host deliberately left for after a failed entry. */
    Runnable deferredPsci;
    long lastFaultPage = -1;
    int stuckCount;
    long exits;
    /** Whether the last RIPAS change this vCPU asked for was to EMPTY (HostMischief). */
    boolean lastRipasToEmpty;

    Vcpu(HostRealm realm, int index, long rec, long[] aux, RecRun run, Vgic vgic, boolean on) {
        this.realm = realm;
        this.index = index;
        this.rec = rec;
        this.aux = aux;
        this.run = run;
        this.vgic = vgic;
        this.on = on;
    }

    public int index() { return index; }
    public long rec() { return rec; }
    public boolean on() { return on; }

    @Override
    public boolean ready() {
        return on && realm.running();
    }

    @Override
    public boolean finished() {
        return realm.finished();
    }

    @Override
    public void step(int cpu) {
        HostRmi rmi = realm.rmi();
        rmi.onCpu(cpu);
        realm.guest().beforeEnter(index);
        run.setFlags(entryFlags);
        if (haveGpr0) run.setGpr0(gpr0);
        run.setLrs(vgic.nextEntryLrs());
        entryFlags = 0;
        haveGpr0 = false;
        RmiReturn r = rmi.recEnter(rec, run.pa());
        if (!r.ok()) {
            realm.exits().enterFailed(this, r);
            return;
        }
        RecExitView x = run.readExit();
        if (x == null) {
            realm.stop("vCPU " + index + ": RecRun unreadable");
            return;
        }
        exits++;
        realm.exits().handle(this, x);
    }

    void setGpr0(long v) {
        gpr0 = v;
        haveGpr0 = true;
    }
}
