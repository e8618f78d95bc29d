package io.ccatrace.analyzers.granule;

import io.ccatrace.analyzers.engine.LongMap;

/**
 * Which (realm, IPA) each granule is mapped at by a protected ASSIGNED RTT entry, so that a
 * second mapping of the same granule is seen at once (reference 7.1: a DATA granule backs
 * exactly one protected IPA of one realm). Held in a dense per-granule table
 * ({@link GranuleWords}: word a = IPA | 1, word b = realm), which needs the IPA's low bit
 * free: a mapping at an IPA that is not 4 KiB aligned (the engine never makes one: it maps
 * granules at aligned IPAs) goes to a hash map instead. A granule is in one of the two at most.
 */
public final class GranuleMappings {
    private static final long ABSENT = Long.MIN_VALUE;
    private final GranuleWords words;
    private final LongMap<Void> unaligned = new LongMap<>(16);

    public GranuleMappings() {
        this(new GranuleWords());
    }

    /** Over the given table (tests: the hash-map-only {@link GranuleWords}). */
    GranuleMappings(GranuleWords words) {
        this.words = words;
    }

    private static boolean aligned(long ipa) {
        return (ipa & 0xFFF) == 0;
    }

    /** Realm the granule is mapped in, or Long.MIN_VALUE. */
    public long realm(long pa) {
        if (words.a(pa) != 0) return words.b(pa);
        if (unaligned.size() == 0) return ABSENT;
        int s = unaligned.find(pa >>> 12);
        return s < 0 ? ABSENT : unaligned.a(s);
    }

    /** IPA the granule is mapped at; only meaningful when {@link #realm} is set. */
    public long ipa(long pa) {
        long a = words.a(pa);
        if (a != 0) return a & ~1L;
        if (unaligned.size() == 0) return ABSENT;
        int s = unaligned.find(pa >>> 12);
        return s < 0 ? ABSENT : unaligned.b(s);
    }

    public void map(long pa, long realm, long ipa) {
        if (aligned(ipa)) {
            if (unaligned.size() != 0) unaligned.remove(pa >>> 12);
            words.set(pa, ipa | 1, realm);
            return;
        }
        words.remove(pa);
        int s = unaligned.slot(pa >>> 12);
        unaligned.setA(s, realm);
        unaligned.setB(s, ipa);
    }

    /** Removes the mapping if it is the one at (realm, ipa). */
    public void unmap(long pa, long realm, long ipa) {
        long a = words.a(pa);
        if (a != 0) {
            if (aligned(ipa) && a == (ipa | 1) && words.b(pa) == realm) words.remove(pa);
            return;
        }
        if (unaligned.size() == 0) return;
        int s = unaligned.find(pa >>> 12);
        if (s >= 0 && unaligned.a(s) == realm && unaligned.b(s) == ipa) unaligned.remove(pa >>> 12);
    }

    public int size() {
        return words.size() + unaligned.size();
    }
}
