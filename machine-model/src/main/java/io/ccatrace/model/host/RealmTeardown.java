package io.ccatrace.model.host;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Tears a stopped realm down (reference 4.7, 4.10, 4.13, 4.15, 4.16): REC_DESTROY of every
 * REC, DATA_DESTROY of every page, RTT_UNMAP_UNPROTECTED of shared aliases, RTT_FOLD (or
 * RTT_DESTROY when not homogeneous) of every RTT deepest first, REALM_DESTROY, and
 * UNDELEGATE of every granule the host delegated for this realm.
 */
final class RealmTeardown {
    private static final int PAGES_PER_STEP = 32;
    private static final int PEEK_BYTES = 64;
    private final HostRealm realm;
    private final boolean leakOne;
    private boolean leaked;

    private final boolean peekFreed;

    RealmTeardown(HostRealm realm, boolean leakOne, boolean peekFreed) {
        this.realm = realm;
        this.leakOne = leakOne;
        this.peekFreed = peekFreed;
    }

    void plan(ArrayDeque<Runnable> plan) {
        plan.add(this::destroyRecs);
        if (realm.stage2() != null) {
            plan.add(() -> destroyData(plan));
            plan.add(this::unmapShared);
            plan.add(this::removeTables);
            plan.add(this::destroyRealm);
        }
        plan.add(this::freeHostPages);
    }

    private void destroyRecs() {
        Delegations d = realm.delegations();
        for (Vcpu v : realm.vcpus()) {
            v.on = false;
            if (!realm.rmi().recDestroy(v.rec).ok()) continue;
            d.undelegate(v.rec);
            for (long a : v.aux) d.undelegate(a);
        }
        for (long[] recAndAux : realm.extraRecs()) {
            if (!realm.rmi().recDestroy(recAndAux[0]).ok()) continue;
            for (long g : recAndAux) d.undelegate(g);
        }
        realm.extraRecs().clear();
    }

    /** Up to PAGES_PER_STEP pages per step; re-plans itself at the front until done. */
    private void destroyData(ArrayDeque<Runnable> plan) {
        HostStage2 s2 = realm.stage2();
        List<Long> pages = s2.allData();
        int n = Math.min(PAGES_PER_STEP, pages.size());
        for (int i = 0; i < n; i++) {
            long ipa = pages.get(i);
            if (leakOne && !leaked) {
                leaked = true;
                RmiReturn r = realm.rmi().dataDestroy(realm.rd(), ipa);
                s2.forgetData(ipa);   // granule stays DELEGATED: never undelegated
                if (!r.ok()) continue;
            } else {
                Long pa = s2.dataPa(ipa);
                if (!s2.destroyData(ipa).ok()) {
                    s2.forgetData(ipa);
                } else if (peekFreed && pa != null && isPeeked(ipa)) {
                    realm.rmi().read(pa, PEEK_BYTES);   // PEEK_FREED: the granule is the host's again
                }
            }
        }
        if (n < pages.size()) plan.addFirst(() -> destroyData(plan));
    }

    /** PEEK_FREED reads back the kernel's first page and vCPU 0's per-cpu page. */
    private boolean isPeeked(long ipa) {
        return ipa == realm.layout().kernel() || ipa == realm.layout().heapBase();
    }

    private void unmapShared() {
        HostStage2 s2 = realm.stage2();
        for (long alias : s2.allShared()) s2.unmapShared(alias);
    }

    private void removeTables() {
        HostStage2 s2 = realm.stage2();
        for (long key : s2.tablesDeepestFirst()) s2.removeTable(key, true);
    }

    private void destroyRealm() {
        if (!realm.rmi().realmDestroy(realm.rd()).ok()) return;
        Delegations d = realm.delegations();
        d.undelegate(realm.rd());
        for (int i = 0; i < realm.startingTableCount(); i++) d.undelegate(realm.startingTableBase() + 4096L * i);
    }

    private void freeHostPages() {
        for (long pa : realm.hostPages()) realm.pool().free(pa);
        realm.hostPages().clear();
    }
}
