package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.LongMap;

/**
 * Which (realm, IPA) each granule is mapped at by a protected ASSIGNED RTT entry, so that a
 * second mapping of the same granule is seen at once (reference 7.1: a DATA granule backs
 * exactly one protected IPA of one realm).
 */
public final class GranuleMappings {
    private final LongMap<Void> map = new LongMap<>(1024);

    /** Realm the granule is mapped in, or Long.MIN_VALUE. */
    public long realm(long pa) {
        int s = map.find(pa >>> 12);
        return s < 0 ? Long.MIN_VALUE : map.a(s);
    }

    /** IPA the granule is mapped at; only meaningful when {@link #realm} is set. */
    public long ipa(long pa) {
        int s = map.find(pa >>> 12);
        return s < 0 ? Long.MIN_VALUE : map.b(s);
    }

    public void map(long pa, long realm, long ipa) {
        int s = map.slot(pa >>> 12);
        map.setA(s, realm);
        map.setB(s, ipa);
    }

    /** Removes the mapping if it is the one at (realm, ipa). */
    public void unmap(long pa, long realm, long ipa) {
        int s = map.find(pa >>> 12);
        if (s >= 0 && map.a(s) == realm && map.b(s) == ipa) map.remove(pa >>> 12);
    }

    public int size() {
        return map.size();
    }
}
