package io.ccatrace.model.property;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.granule.Granule;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmState;
import io.ccatrace.model.rtt.Rtt;
import io.ccatrace.model.rtt.RttGeometry;
import io.ccatrace.model.rtt.RttState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named security invariants of a CCA machine (issue 2), checked from the outside after
 * every step. One instance follows one run: it remembers each realm's RIM at activation and
 * which granules were in the Realm PAS, to judge the next step.
 */
final class Invariants {
    private static final Set<GranuleState> REALM_OBJECTS = EnumSet.of(GranuleState.RD,
            GranuleState.REC, GranuleState.REC_AUX, GranuleState.RTT, GranuleState.DATA);

    private final Map<Realm, byte[]> rimAtActivation = new IdentityHashMap<>();
    private final Set<Long> realmPas = new TreeSet<>();

    /** Throws an AssertionError naming the first broken invariant. */
    void check(Machine m) {
        realmObjectsHavePasRealm(m);
        undelegatedGranulesHavePasNs(m);
        delegatedGranulesAreZero(m);
        ownedGranulesBelongToALiveRealm(m);
        dataGranulesAreMappedOnce(m, rttEntriesMatchTheirHalf(m));
        rimNeverChangesAfterActivation(m);
        undelegatedGranulesHoldNoRealmBytes(m);
    }

    private static void fail(String invariant, String detail) {
        throw new AssertionError("invariant '" + invariant + "' broken: " + detail);
    }

    private static String hex(long v) {
        return Pools.hex(v);
    }

    /** Every granule in state RD, REC, REC_AUX, RTT or DATA has PAS Realm. */
    private static void realmObjectsHavePasRealm(Machine m) {
        for (Granule g : m.rmm().granules().all()) {
            if (REALM_OBJECTS.contains(g.state()) && m.gpt().pasOf(g.pa()) != Pas.REALM) {
                fail("realm objects are in the Realm PAS", g.state() + " granule " + hex(g.pa())
                        + " has PAS " + m.gpt().pasOf(g.pa()));
            }
        }
    }

    /** Every UNDELEGATED granule of Non-secure DRAM has PAS NS; Secure memory stays Secure. */
    private static void undelegatedGranulesHavePasNs(Machine m) {
        for (long pa : Pools.allGranules()) {
            if (m.rmm().granules().stateOf(pa) == GranuleState.UNDELEGATED
                    && m.gpt().pasOf(pa) != Pas.NS) {
                fail("undelegated granules are NS", hex(pa) + " has PAS " + m.gpt().pasOf(pa));
            }
        }
        if (m.gpt().pasOf(Pools.SECURE) != Pas.SECURE) {
            fail("Secure memory stays Secure", hex(Pools.SECURE) + " is " + m.gpt().pasOf(Pools.SECURE));
        }
    }

    /** A DELEGATED granule is all zero (reference 7.1). */
    private static void delegatedGranulesAreZero(Machine m) {
        for (Granule g : m.rmm().granules().all()) {
            if (g.state() == GranuleState.DELEGATED && !m.memory().isZero(g.pa())) {
                fail("delegated granules are zero", hex(g.pa()) + " holds data");
            }
        }
    }

    /** REC, REC_AUX, RTT and DATA granules belong to a realm whose RD still exists. */
    private static void ownedGranulesBelongToALiveRealm(Machine m) {
        for (Granule g : m.rmm().granules().all()) {
            if (REALM_OBJECTS.contains(g.state()) && g.state() != GranuleState.RD
                    && m.rmm().realmAt(g.owner()) == null) {
                fail("realm objects have a live RD", g.state() + " granule " + hex(g.pa())
                        + " names owner " + hex(g.owner()) + ", which is no RD");
            }
        }
    }

    /**
     * No protected-half entry is an unprotected (NS) mapping and no unprotected-half entry
     * is protected (reference 7.4, 8.1); protected ASSIGNED entries map DATA of their realm.
     */
    private static Map<Long, Integer> rttEntriesMatchTheirHalf(Machine m) {
        Map<Long, Integer> refs = new HashMap<>();
        for (Granule g : m.rmm().granules().all()) {
            if (g.state() != GranuleState.RTT) continue;
            Rtt t = (Rtt) g.content();
            Realm r = m.rmm().realmAt(t.realm());
            if (r == null) continue;
            for (int i = 0; i < RttGeometry.ENTRIES; i++) {
                long ipa = t.entryIpa(i);
                if (!r.inRange(ipa)) continue;
                RttState s = t.state(i);
                if (s == RttState.ASSIGNED) {
                    long pages = RttGeometry.size(t.level()) >>> 12;
                    for (long p = 0; p < pages; p++) refs.merge(t.addr(i) + (p << 12), 1, Integer::sum);
                }
                if (s == RttState.TABLE) continue;
                if (r.isProtected(ipa) != s.isProtected()) {
                    fail("entries match their IPA half", s + " entry at IPA " + hex(ipa)
                            + " level " + t.level() + " of realm " + hex(r.rd()) + " ("
                            + (r.isProtected(ipa) ? "protected" : "unprotected") + " half)");
                }
                if (s == RttState.ASSIGNED && !isDataOf(m, t.addr(i), r.rd())) {
                    fail("protected mappings point at the realm's DATA", "IPA " + hex(ipa)
                            + " maps " + hex(t.addr(i)) + " in state "
                            + m.rmm().granules().stateOf(t.addr(i)));
                }
            }
        }
        return refs;
    }

    private static boolean isDataOf(Machine m, long pa, long rd) {
        return m.rmm().granules().is(pa, GranuleState.DATA) && m.rmm().granules().get(pa).owner() == rd;
    }

    /**
     * Each DATA granule is mapped exactly once (at most once: no aliasing; at least once: no
     * orphan). refs counts the protected ASSIGNED entries (pages of blocks) per PA.
     */
    private static void dataGranulesAreMappedOnce(Machine m, Map<Long, Integer> refs) {
        for (Granule g : m.rmm().granules().all()) {
            if (g.state() != GranuleState.DATA) continue;
            int n = refs.getOrDefault(g.pa(), 0);
            if (n > 1) fail("each DATA granule is mapped at most once", hex(g.pa()) + " mapped " + n + " times");
            if (n == 0) fail("each DATA granule is mapped", hex(g.pa()) + " is DATA but no entry maps it");
        }
    }

    /** The RIM is frozen once the realm leaves NEW (reference 4.6). */
    private void rimNeverChangesAfterActivation(Machine m) {
        for (Granule g : m.rmm().granules().all()) {
            if (g.state() != GranuleState.RD) continue;
            Realm r = (Realm) g.content();
            if (r.state() == RealmState.NEW) continue;
            byte[] now = r.measurement(0).clone();
            byte[] then = rimAtActivation.putIfAbsent(r, now);
            if (then != null && !Arrays.equals(then, now)) {
                fail("the RIM never changes after activation", "realm " + hex(r.rd()));
            }
        }
    }

    /** A granule that left the Realm PAS in this step is all zero: no realm bytes reach the host. */
    private void undelegatedGranulesHoldNoRealmBytes(Machine m) {
        for (long pa : Pools.allGranules()) {
            boolean realm = m.gpt().pasOf(pa) == Pas.REALM;
            if (!realm && realmPas.contains(pa) && !m.memory().isZero(pa)) {
                fail("undelegated granules hold no realm bytes", hex(pa) + " went back to the host"
                        + " with data in it");
            }
            if (realm) realmPas.add(pa);
            else realmPas.remove(pa);
        }
    }
}
