package io.ccatrace.model.host;

import java.util.TreeSet;

/**
 * Granules the host has delegated to the RMM and not yet taken back. Everything the host
 * gives a realm comes from here, and teardown undelegates every one of them.
 */
public final class Delegations {
    private final HostRmi rmi;
    private final GranulePool pool;
    private final PageMap delegated = new PageMap();
    private long total;

    public Delegations(HostRmi rmi, GranulePool pool) {
        this.rmi = rmi;
        this.pool = pool;
    }

    /**
     * Takes a free NS granule and delegates it; the PA, or -1 if the RMM refused. A refused
     * granule is retired, not freed: it is not UNDELEGATED any more (the hostile process of
     * host-fuzz delegated it), so it would fail again for every later realm.
     */
    public long delegateNew() {
        long pa = pool.alloc();
        if (!delegate(pa)) {
            pool.retire();
            return -1;
        }
        return pa;
    }

    /** RMI_GRANULE_DELEGATE of a granule the host chose. */
    public boolean delegate(long pa) {
        if (!rmi.delegate(pa).ok()) return false;
        delegated.put(pa, 0);
        total++;
        return true;
    }

    /** RMI_GRANULE_UNDELEGATE; on success the granule goes back to the host's pool. */
    public boolean undelegate(long pa) {
        if (!rmi.undelegate(pa).ok()) return false;
        delegated.remove(pa);
        pool.free(pa);
        return true;
    }

    public boolean isDelegated(long pa) {
        return delegated.contains(pa);
    }

    /** Granules still delegated, in address order. */
    public TreeSet<Long> outstanding() {
        return new TreeSet<>(delegated.keys());
    }

    /** How many delegations succeeded so far. */
    public long total() {
        return total;
    }
}
