package io.ccatrace.replay.state;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Machine state rebuilt from a trace's effects alone (no model): granule state, owner and
 * PAS, realm state and measurement slots, REC state, and each realm's RTT entries. What it
 * shows is what the recording says, so it also works on traces from another RMM.
 */
public final class ShadowState {
    /** REALM_CREATE params offsets the shadow needs (reference 9.1). */
    private static final int OFF_S2SZ = 0x008, OFF_LEVEL_START = 0x810;

    record Granule(String state, long owner, long seq) {
    }

    record Pas(String pas, long seq) {
    }

    static final class Realm {
        String state;
        long stateSeq;
        /** The seq of the REALM_STATE row that created this realm (-1: the trace never shows it). */
        long createdSeq = -1;
        /** 1 for the first realm seen at its RD, 2 for a realm created at an RD an earlier realm left, ... */
        int instance = 1;
        /** The last state change of the realm this RD held before (its destruction), or -1. */
        long previousEndSeq = -1;
        final String[] measurements = new String[5];
        final long[] measurementSeq = new long[5];
        final RttShadow rtt = new RttShadow();
    }

    /** created: the seq of the REC_STATE row that created it (-1: the trace never shows it). */
    record Rec(long realm, String state, long seq, long created) {
    }

    record Geometry(long s2sz, long levelStart) {
    }

    final Map<Long, Granule> granules = new HashMap<>();
    final Map<Long, Pas> pas = new HashMap<>();
    final Map<Long, Realm> realms = new HashMap<>();
    final Map<Long, Rec> recs = new HashMap<>();
    final Map<Long, Geometry> paramsPages = new HashMap<>();
    final Map<Long, Geometry> created = new HashMap<>();
    long lastSeq = -1;

    public long lastSeq() {
        return lastSeq;
    }

    /** Applies one row (rows must come in seq order). */
    public void apply(EventView e) {
        lastSeq = e.seq();
        switch (e.kind()) {
            case GRANULE_STATE:
                granules.put(e.pa(), new Granule(e.to(), e.realm(), e.seq()));
                break;
            case PAS_CHANGE:
                pas.put(e.pa(), new Pas(e.to(), e.seq()));
                break;
            case REALM_STATE:
                realmState(e);
                break;
            case REC_STATE:
                recState(e);
                break;
            case MEASUREMENT:
                measurement(e);
                break;
            case RTT_ENTRY:
                realm(e.realm()).rtt.apply(e);
                break;
            case NS_WRITE:
                params(e);
                break;
            case RMI_CALL:
                realmCreate(e);
                break;
            default:
                break;
        }
    }

    private Realm realm(long rd) {
        return realms.computeIfAbsent(rd, k -> new Realm());
    }

    private void realmState(EventView e) {
        if (e.from() == null) {
            Realm fresh = new Realm();
            Geometry g = created.remove(e.realm());
            if (g != null) fresh.rtt.geometry(g.s2sz(), g.levelStart());
            fresh.createdSeq = e.seq();
            Realm before = realms.put(e.realm(), fresh);
            if (before != null && before.state != null) {
                // the RD held a realm that was destroyed: a new realm, which shares nothing with it
                fresh.instance = before.instance + 1;
                fresh.previousEndSeq = before.stateSeq;
            }
        }
        Realm r = realm(e.realm());
        r.state = e.to();
        r.stateSeq = e.seq();
    }

    private void recState(EventView e) {
        Rec before = recs.get(e.rec());
        long createdAt = e.from() == null ? e.seq() : before == null ? -1 : before.created();
        recs.put(e.rec(), new Rec(e.realm(), e.to(), e.seq(), createdAt));
    }

    /**
     * Whether the REC belongs to the realm that holds its RD now, not to an earlier realm at
     * the same RD (an RD is reused once its realm is destroyed). True when the trace does not
     * show when either was created.
     */
    boolean ofCurrentRealm(Rec r) {
        Realm realm = realms.get(r.realm());
        return realm == null || realm.createdSeq < 0 || r.created() < 0 || r.created() > realm.createdSeq;
    }

    private void measurement(EventView e) {
        int i = e.index();
        if (i < 0 || i > 4 || e.payload() == null) return;
        Realm r = realm(e.realm());
        r.measurements[i] = HexFormat.of().formatHex(e.payload());
        r.measurementSeq[i] = e.seq();
    }

    /** Remembers the geometry of pages that look like RealmParams (for the protected half). */
    private void params(EventView e) {
        byte[] b = e.payload();
        if (b == null || b.length < OFF_LEVEL_START + 8 || (e.pa() & 0xFFF) != 0) {
            paramsPages.remove(e.pa());
            return;
        }
        paramsPages.put(e.pa(), new Geometry(le(b, OFF_S2SZ, 4), le(b, OFF_LEVEL_START, 8)));
    }

    private void realmCreate(EventView e) {
        if (!"RMI_REALM_CREATE".equals(e.cmd()) || !"RMI_SUCCESS".equals(e.status())
                || e.args() == null || e.args().length < 2) {
            return;
        }
        Geometry g = paramsPages.get(e.args()[1]);
        if (g != null) created.put(e.args()[0], g);
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    static boolean changesState(EventKind k) {
        switch (k) {
            case GRANULE_STATE: case PAS_CHANGE: case REALM_STATE: case REC_STATE:
            case MEASUREMENT: case RTT_ENTRY: case NS_WRITE: case RMI_CALL:
                return true;
            default:
                return false;
        }
    }
}
