package io.ccatrace.replay.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.ScenarioTraces;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * `history --ipa IPA --realm RD` on a multi-realm recording, where every realm uses the same
 * IPAs: the realms' histories of one IPA split the whole history between them, each event to
 * exactly one realm, and no event of one realm names another realm.
 */
class RealmFilterTest {
    private static final long IPA = 0x8000_0000L; // the first RAM granule of every realm (docs/scenarios.md)

    @Test
    void theRealmsHistoriesOfAnIpaSplitItsWholeHistory() {
        List<TraceEvent> rows = ScenarioTraces.record(Scenario.MULTI_REALM, 1, 60_000).rows();
        Subject ipa = new Subject(Subject.Kind.IPA, IPA);
        List<Long> all = new ArrayList<>();
        TreeSet<Long> rds = new TreeSet<>();
        for (TraceEvent e : rows) {
            if (ipa.touchedBy(e)) all.add(e.seq());
            if (e.kind() == EventKind.REALM_STATE) rds.add(e.realm());
        }
        assertTrue(rds.size() >= 2, "a multi-realm recording has several realms: " + rds);
        TreeSet<Long> union = new TreeSet<>();
        int perRealmTotal = 0;
        for (long rd : rds) {
            RealmFilter only = new RealmFilter(rd);
            List<Long> mine = new ArrayList<>();
            for (TraceEvent e : rows) {
                if (only.keeps(e) && ipa.touchedBy(e)) {
                    mine.add(e.seq());
                    assertTrue(e.realm() == TraceEvent.NULL || e.realm() == rd, "seq " + e.seq() + " is realm 0x" + Long.toHexString(e.realm()));
                    if (e.kind() == EventKind.RMI_CALL) assertEquals(rd, e.args()[0], "seq " + e.seq() + " x1 is the RD");
                }
            }
            assertTrue(only.seen());
            assertTrue(!mine.isEmpty() && mine.size() < all.size(), "realm 0x" + Long.toHexString(rd) + ": " + mine.size() + " of " + all.size());
            perRealmTotal += mine.size();
            union.addAll(mine);
        }
        assertEquals(all.size(), perRealmTotal, "each event of the IPA's history is one realm's");
        assertEquals(new TreeSet<>(all), union);
    }

    @Test
    void aRealmNoRowNamesIsNotSeen() {
        RealmFilter none = new RealmFilter(0x1234_5000L);
        for (TraceEvent e : ScenarioTraces.record(Scenario.BOOT, 1, 0).rows()) none.keeps(e);
        assertTrue(!none.seen());
    }
}
