package io.ccatrace.model.realm;

import io.ccatrace.model.rtt.Rtt;
import java.util.ArrayList;
import java.util.List;

/**
 * The Realm Descriptor (content of an RD granule): parameters fixed at REALM_CREATE, the
 * lifecycle state, starting RTTs, REC bookkeeping and the measurement slots.
 */
public final class Realm {
    private final long rd;
    private final RealmParams params;
    private final List<Rtt> startingRtts;
    private final byte[][] measurements = new byte[5][64];
    RealmState state = RealmState.NEW;
    private int recCount;
    private int nextRecIndex;
    private final List<Long> recsByIndex = new ArrayList<>();

    public Realm(long rd, RealmParams params, List<Rtt> startingRtts) {
        this.rd = rd;
        this.params = params;
        this.startingRtts = List.copyOf(startingRtts);
    }

    public long rd() { return rd; }
    public RealmParams params() { return params; }
    public RealmState state() { return state; }
    public int s2sz() { return (int) params.s2sz(); }
    public boolean lpa2() { return params.lpa2(); }
    public int startLevel() { return (int) params.rttLevelStart(); }
    public List<Rtt> startingRtts() { return startingRtts; }

    /** Number of hash bytes used by this realm's algorithm (SHA-256: 32, SHA-512: 64). */
    public int hashLength() { return params.hashAlgo() == 1 ? 64 : 32; }

    /** Measurement slot (0 = RIM, 1..4 = REM); the returned array is live. */
    public byte[] measurement(int index) { return measurements[index]; }

    /** IPAs below this are protected: 2^(s2sz-1). */
    public long protectedTop() { return 1L << (s2sz() - 1); }

    /** 2^s2sz: first IPA outside the realm's space. */
    public long ipaLimit() { return 1L << s2sz(); }

    public boolean isProtected(long ipa) {
        return Long.compareUnsigned(ipa, protectedTop()) < 0;
    }

    public boolean inRange(long ipa) {
        return Long.compareUnsigned(ipa, ipaLimit()) < 0;
    }

    /** Live RECs (REALM_DESTROY needs 0). */
    public int recCount() { return recCount; }

    /** Index the next REC_CREATE must carry in its MPIDR. */
    public int nextRecIndex() { return nextRecIndex; }

    /**
     * REC granule address by REC index (index order of creation), or -1. REC_DESTROY does not
     * remove the entry, so the address may name a destroyed REC (or a granule reused since):
     * resolve it with Rmm.recAt and compare the REC's rd and index.
     */
    public long recAt(int index) {
        return index >= 0 && index < recsByIndex.size() ? recsByIndex.get(index) : -1;
    }

    public void addRec(long rec) {
        recsByIndex.add(rec);
        nextRecIndex++;
        recCount++;
    }

    public void removeRec() {
        recCount--;
    }
}
