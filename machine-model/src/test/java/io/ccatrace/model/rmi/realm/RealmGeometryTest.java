package io.ccatrace.model.rmi.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RealmParamsPage;
import io.ccatrace.model.rmi.Realms;
import io.ccatrace.model.rtt.RttState;
import io.ccatrace.model.rtt.RttWalk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every (s2sz, rtt_level_start, rtt_num_start) in a window around the valid ones, against
 * the reference's table 11.3 for a PE without LPA2 and 48-bit PA (written out row by row
 * here, not derived from the model's formula). A valid triple must create a realm whose
 * starting entries split at 2^(s2sz-1) (reference 4.5); every other triple is ERROR_INPUT.
 */
class RealmGeometryTest {

    /** rtt_num_start the reference allows for (s2sz, level), or 0 if the pair is invalid. */
    static int referenceTables(int s2sz, int level) {
        switch (level) {
            case 0: // 40..48, one table
                return s2sz >= 40 && s2sz <= 48 ? 1 : 0;
            case 1: // 32..43: one table up to 39, then 2, 4, 8, 16
                if (s2sz >= 32 && s2sz <= 39) return 1;
                return s2sz >= 40 && s2sz <= 43 ? 1 << (s2sz - 39) : 0;
            case 2: // 32..34: 4, 8, 16
                return s2sz >= 32 && s2sz <= 34 ? 1 << (s2sz - 30) : 0;
            default: // -1 needs LPA2; 3 is never a starting level
                return 0;
        }
    }

    @Test
    void exhaustiveGeometryWindow() {
        Fixture f = new Fixture();
        Realms r = new Realms(f);
        long rttBase = r.delegatedRun(16);
        long rd = r.delegated();
        List<String> wrong = new ArrayList<>();
        int created = 0;
        for (int s2sz = 30; s2sz <= 50; s2sz++) {
            for (int level = -1; level <= 3; level++) {
                for (int n = 0; n <= 17; n++) {
                    RealmParamsPage p = r.params(40, 1);
                    p.s2sz = s2sz;
                    p.rttLevelStart = level;
                    p.rttNumStart = n;
                    p.rttBase = rttBase;
                    long x0 = f.rmi("RMI_REALM_CREATE", rd, r.write(p))[0];
                    boolean valid = n != 0 && referenceTables(s2sz, level) == n;
                    String at = "s2sz " + s2sz + " level " + level + " tables " + n;
                    if (x0 != (valid ? 0 : 1)) {
                        wrong.add(at + ": x0 " + x0);
                        continue;
                    }
                    if (!valid) continue;
                    created++;
                    checkSplit(r.realm(rd), f, s2sz, level, n, at, wrong);
                    assertEquals(0L, f.rmi("RMI_REALM_DESTROY", rd)[0]);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(9 + 12 + 3, created, "valid pairs of table 11.3");
    }

    /** Last protected and first unprotected IPA land in the right states (reference 4.5). */
    private static void checkSplit(Realm realm, Fixture f, int s2sz, int level, int n,
                                   String at, List<String> wrong) {
        if (realm.startingRtts().size() != n) wrong.add(at + ": " + realm.startingRtts().size() + " RTTs");
        long half = 1L << (s2sz - 1);
        long[] ipas = {0, half - 4096, half, 2 * half - 4096};
        RttState[] expected = {RttState.UNASSIGNED, RttState.UNASSIGNED,
                RttState.UNASSIGNED_NS, RttState.UNASSIGNED_NS};
        for (int i = 0; i < ipas.length; i++) {
            RttWalk w = RttWalk.walk(realm.startingRtts(), f.machine.rmm().granules(), ipas[i], level);
            if (w.level() != level || w.state() != expected[i]) {
                wrong.add(at + ": ipa 0x" + Long.toHexString(ipas[i]) + " is " + w.state());
            }
        }
    }
}
