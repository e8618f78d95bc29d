package io.ccatrace.model.host;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A hostile host process beside the correct VMMs: random RMI calls (known and unknown
 * function numbers, arguments from a pool of interesting values), malicious calls aimed at
 * live realms (undelegate or re-delegate their granules, destroy their tables and RECs,
 * map their private pages as shared), Normal-world reads and writes of realm granules, and
 * calls that reuse the granules of realms already destroyed. It delegates granules of its
 * own too (from a region outside the VMMs' pool) and gives them back.
 */
public final class HostileHost implements HostThread {
    private static final long[] UNKNOWN_FIDS = {0xC4000156L, 0xC4000160L, 0xC4000163L, 0xC400016AL, 0xC40001FFL};

    private final HostRmi rmi;
    private final List<HostRealm> realms;
    private final SplittableRandom rng;
    private final long ownBase;
    private final int ownPages;
    private final BooleanSupplier active;
    private final List<Long> ownDelegated = new ArrayList<>();
    private long actions;

    public HostileHost(HostRmi rmi, List<HostRealm> realms, SplittableRandom rng, long ownBase,
                       int ownPages, BooleanSupplier active) {
        this.rmi = rmi;
        this.realms = realms;
        this.rng = rng;
        this.ownBase = ownBase;
        this.ownPages = ownPages;
        this.active = active;
    }

    @Override
    public boolean ready() {
        return active.getAsBoolean() || !ownDelegated.isEmpty();
    }

    @Override
    public boolean finished() {
        return !ready();
    }

    public long actions() {
        return actions;
    }

    @Override
    public void step(int cpu) {
        rmi.onCpu(cpu);
        actions++;
        if (!active.getAsBoolean()) {
            rmi.undelegate(ownDelegated.remove(ownDelegated.size() - 1));
            return;
        }
        switch (rng.nextInt(6)) {
            case 0: randomCall(); break;
            case 1: nsAccess(); break;
            case 2: reuseDestroyed(); break;
            case 3: malicious(); break;
            case 4: ownGranule(); break;
            default: randomCall();
        }
    }

    private void randomCall() {
        long fid = rng.nextInt(8) == 0 ? UNKNOWN_FIDS[rng.nextInt(UNKNOWN_FIDS.length)]
                : RmiFid.ALL[rng.nextInt(RmiFid.ALL.length)];
        long[] args = new long[5];
        for (int i = 0; i < args.length; i++) args[i] = interesting();
        rmi.call(fid, args);
    }

    /** A value from the pool: small numbers, edges, live and dead object addresses, IPAs. */
    private long interesting() {
        HostRealm r = pick(false);
        switch (rng.nextInt(10)) {
            case 0: return rng.nextInt(5) - 1;
            case 1: return -1L;
            case 2: return ownBase + 4096L * rng.nextInt(ownPages) + (rng.nextBoolean() ? 0 : 8);
            case 3: return r == null ? 0 : r.rd();
            case 4: return r == null || r.vcpus().isEmpty() ? 0 : r.vcpus().get(0).rec();
            case 5: return r == null ? 0 : r.layout().ramBase() + 4096L * rng.nextInt(2048);
            case 6: return r == null ? 0 : r.layout().alias(r.layout().ramBase());
            case 7: return 1L << 40;
            case 8: return rng.nextLong();
            default: return rng.nextInt(4);
        }
    }

    private void nsAccess() {
        HostRealm r = pick(true);
        if (r == null || r.stage2() == null) return;
        long target = rng.nextBoolean() ? r.rd() : dataPa(r);
        if (target == 0) return;
        if (rng.nextBoolean()) {
            rmi.read(target, 64);
        } else {
            rmi.write(target, new byte[] {0x41, 0x41, 0x41, 0x41});
        }
    }

    private void reuseDestroyed() {
        HostRealm r = pickDone();
        if (r == null) {
            randomCall();
            return;
        }
        long rec = r.vcpus().isEmpty() ? r.rd() : r.vcpus().get(0).rec();
        switch (rng.nextInt(5)) {
            case 0: rmi.recEnter(rec, r.hostPageOr(ownBase)); break;
            case 1: rmi.realmActivate(r.rd()); break;
            case 2: rmi.dataDestroy(r.rd(), r.layout().kernel()); break;
            case 3: rmi.recDestroy(rec); break;
            default: rmi.psciComplete(rec, rec, 0);
        }
    }

    private void malicious() {
        HostRealm r = pick(true);
        if (r == null || r.stage2() == null) return;
        long data = dataPa(r);
        RealmLayout l = r.layout();
        switch (rng.nextInt(7)) {
            case 0: rmi.undelegate(r.rd()); break;
            case 1: if (data != 0) rmi.delegate(data); break;
            case 2: rmi.rttDestroy(r.rd(), l.ramBase(), 3); break;
            case 3: rmi.dataCreateUnknown(r.rd(), ownBase, l.heapBase()); break;
            case 4: if (data != 0) rmi.rttMapUnprotected(r.rd(), l.alias(l.heapTop() - 4096), 3, data | HostStage2.NS_DESC_ATTRS); break;
            case 5: if (data != 0) rmi.undelegate(data); break;
            default: rmi.rttFold(r.rd(), l.ramBase(), 2);
        }
    }

    private void ownGranule() {
        if (!ownDelegated.isEmpty() && rng.nextBoolean()) {
            long pa = ownDelegated.remove(rng.nextInt(ownDelegated.size()));
            rmi.undelegate(pa);
            return;
        }
        long pa = ownBase + 4096L * rng.nextInt(ownPages);
        if (!ownDelegated.contains(pa) && rmi.delegate(pa).ok()) ownDelegated.add(pa);
    }

    private long dataPa(HostRealm r) {
        Long pa = r.stage2().dataPa(r.layout().kernel());
        return pa == null ? 0 : pa;
    }

    private HostRealm pick(boolean liveOnly) {
        List<HostRealm> c = new ArrayList<>();
        for (HostRealm r : realms) {
            if (r.rd() != 0 && (!liveOnly || !r.finished())) c.add(r);
        }
        return c.isEmpty() ? null : c.get(rng.nextInt(c.size()));
    }

    private HostRealm pickDone() {
        List<HostRealm> c = new ArrayList<>();
        for (HostRealm r : realms) {
            if (r.finished() && r.rd() != 0) c.add(r);
        }
        return c.isEmpty() ? null : c.get(rng.nextInt(c.size()));
    }
}
