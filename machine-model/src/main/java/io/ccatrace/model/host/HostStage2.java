package io.ccatrace.model.host;

import io.ccatrace.model.rtt.RttGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host's view of one realm's stage-2 tables, kept as KVM keeps it: which RTTs it created
 * (level, base IPA, PA), which protected IPAs it backed with DATA granules and which
 * unprotected IPAs it mapped to NS pages. Commands whose walk stops short
 * (RMI_ERROR_RTT with index L below the wanted level) get the missing RTT created at level
 * L + 1 and are retried (reference 4.11, 4.14, 4.17).
 */
public final class HostStage2 {
    private static final int KEY_LEVEL_MASK = 3;
    /** Normal write-back memory (S2FWB MemAttr 0b110) read/write (S2AP 0b11), reference 4.17. */
    static final long NS_DESC_ATTRS = (0b110L << 2) | (0b11L << 6);

    private final HostRmi rmi;
    private final Delegations delegations;
    private final GranulePool pool;
    private final long rd;
    private final int startLevel;
    /** (base IPA | level) -> RTT PA, for every RTT below the starting level. */
    private final TreeMap<Long, Long> tables = new TreeMap<>();
    /** Backed protected IPA -> DATA granule PA; mapped alias IPA -> NS page PA. */
    private final PageMap data = new PageMap();
    private final PageMap shared = new PageMap();

    public HostStage2(HostRmi rmi, Delegations delegations, GranulePool pool, long rd, int startLevel) {
        this.rmi = rmi;
        this.delegations = delegations;
        this.pool = pool;
        this.rd = rd;
        this.startLevel = startLevel;
    }

    /** Creates the RTT at level covering ipa (and any missing parent). False if impossible. */
    public boolean createTable(long ipa, int level) {
        for (int attempt = 0; attempt < 4; attempt++) {
            long base = ipa & ~(RttGeometry.size(level - 1) - 1);
            long rtt = delegations.delegateNew();
            if (rtt < 0) return false;
            RmiReturn r = rmi.rttCreate(rd, rtt, base, level);
            if (r.ok()) {
                tables.put(base | level, rtt);
                return true;
            }
            delegations.undelegate(rtt);
            if (!r.rttError()) return false;
            if (r.index() >= level - 1) return true; // already a table there
            if (!createTable(ipa, r.index() + 1)) return false;
        }
        return false;
    }

    /** Runs call until its walk reaches level: creates RTTs on RMI_ERROR_RTT below it. */
    public RmiReturn withTables(long ipa, int level, java.util.function.Supplier<RmiReturn> call) {
        RmiReturn r = call.get();
        for (int i = 0; i < 4 && r.rttError() && r.index() < level; i++) {
            if (!createTable(ipa, r.index() + 1)) return r;
            r = call.get();
        }
        return r;
    }

    /** DATA_CREATE of one measured image page from the NS staging page src. */
    public RmiReturn createData(long ipa, long src, boolean measure) {
        long pa = delegations.delegateNew();
        if (pa < 0) return new RmiReturn(RmiReturn.ERROR_INPUT, new long[0]);
        RmiReturn r = withTables(ipa, 3, () -> rmi.dataCreate(rd, pa, ipa, src, measure ? 1 : 0));
        return keepOrReturn(ipa, pa, r);
    }

    /** DATA_CREATE_UNKNOWN: backs a protected page on demand (reference 8.5). */
    public RmiReturn backRam(long ipa) {
        long pa = delegations.delegateNew();
        if (pa < 0) return new RmiReturn(RmiReturn.ERROR_INPUT, new long[0]);
        RmiReturn r = withTables(ipa, 3, () -> rmi.dataCreateUnknown(rd, pa, ipa));
        return keepOrReturn(ipa, pa, r);
    }

    private RmiReturn keepOrReturn(long ipa, long pa, RmiReturn r) {
        if (r.ok()) {
            data.put(ipa, pa);
        } else {
            delegations.undelegate(pa);
        }
        return r;
    }

    /** DATA_DESTROY and undelegate of a page the host backed. */
    public RmiReturn destroyData(long ipa) {
        RmiReturn r = rmi.dataDestroy(rd, ipa);
        if (r.ok()) {
            data.remove(ipa);
            delegations.undelegate(r.out(0));
        }
        return r;
    }

    /** RTT_MAP_UNPROTECTED of an alias IPA to a fresh NS page of the host. */
    public RmiReturn mapShared(long aliasIpa) {
        long ns = pool.alloc();
        RmiReturn r = withTables(aliasIpa, 3,
                () -> rmi.rttMapUnprotected(rd, aliasIpa, 3, ns | NS_DESC_ATTRS));
        if (r.ok()) {
            shared.put(aliasIpa, ns);
        } else {
            pool.free(ns);
        }
        return r;
    }

    /** RTT_UNMAP_UNPROTECTED; the NS page returns to the host. */
    public RmiReturn unmapShared(long aliasIpa) {
        RmiReturn r = rmi.rttUnmapUnprotected(rd, aliasIpa, 3);
        if (shared.contains(aliasIpa)) {
            long ns = shared.get(aliasIpa);
            shared.remove(aliasIpa);
            pool.free(ns);
        }
        return r;
    }

    public boolean hasData(long ipa) { return data.contains(ipa); }
    public Long dataPa(long ipa) { return data.getOrNull(ipa); }
    public Long sharedPa(long aliasIpa) { return shared.getOrNull(aliasIpa); }
    public int dataPages() { return data.size(); }
    public int sharedPages() { return shared.size(); }

    /** Backed protected IPAs in [base, top), ascending. */
    public List<Long> dataIn(long base, long top) {
        return data.keysIn(base, top);
    }

    /** Mapped alias IPAs in [base, top), ascending. */
    public List<Long> sharedIn(long base, long top) {
        return shared.keysIn(base, top);
    }

    public List<Long> allData() {
        return data.keys();
    }

    public List<Long> allShared() {
        return shared.keys();
    }

    /** RTTs below the starting level as (base | level) keys, deepest level first. */
    public List<Long> tablesDeepestFirst() {
        List<Long> out = new ArrayList<>();
        for (int level = 3; level > startLevel; level--) {
            for (Map.Entry<Long, Long> e : tables.entrySet()) {
                if ((e.getKey() & KEY_LEVEL_MASK) == level) out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Removes the RTT (key from {@link #tablesDeepestFirst}): RTT_FOLD when its entries are
     * homogeneous, else RTT_DESTROY (reference 4.15, 4.16); undelegates it on success.
     */
    public boolean removeTable(long key, boolean tryFold) {
        int level = (int) (key & KEY_LEVEL_MASK);
        long base = key & ~KEY_LEVEL_MASK;
        RmiReturn r = tryFold ? rmi.rttFold(rd, base, level) : null;
        if (r == null || !r.ok()) r = rmi.rttDestroy(rd, base, level);
        if (!r.ok()) return false;
        tables.remove(key);
        delegations.undelegate(r.out(0));
        return true;
    }

    public int tableCount() {
        return tables.size();
    }

    /** Forgets a page without telling the RMM (a buggy host; used by fault injection). */
    void forgetData(long ipa) {
        data.remove(ipa);
    }
}
