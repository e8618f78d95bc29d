package io.ccatrace.model.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.rmi.ModelDifferences.Difference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The documented differences between models. For 1.0 against 1.0-EAC5 they are the
 * reference's revision differences the EAC5 model carries (12.2: unprotected map levels,
 * fold limit; 12.3: FEAT0 layout, debug counts of 0; 12.5: IPA_STATE_GET, RsiRealmConfig),
 * each named with the command that shows it.
 */
class ModelDifferencesTest {
    static Map<String, Difference> byId(String a, String b) {
        Map<String, Difference> m = new TreeMap<>();
        for (Difference d : ModelDifferences.between(RmmModels.byId(a), RmmModels.byId(b))) m.put(d.id(), d);
        return m;
    }

    @Test
    void eac5AgainstRel0() {
        Map<String, Difference> d = byId("1.0", "1.0-eac5");
        assertEquals(List.of("EAC5_FOLD_BLOCKS_LEVEL_2", "EAC5_IPA_STATE_GET_SINGLE", "EAC5_REALM_CONFIG_LAYOUT",
                "EAC5_UNPROTECTED_LEVEL_2_3", "EAC5_ZERO_DEBUG_COUNTS", "FEAT0_LAYOUT"), List.copyOf(d.keySet()));
        assertEquals(List.of("RMI_FEATURES"), d.get("FEAT0_LAYOUT").subjects());
        assertEquals("12.3", d.get("FEAT0_LAYOUT").reference());
        assertEquals(List.of("RMI_REALM_CREATE"), d.get("EAC5_ZERO_DEBUG_COUNTS").subjects());
        assertEquals(List.of("RMI_RTT_MAP_UNPROTECTED", "RMI_RTT_UNMAP_UNPROTECTED"), d.get("EAC5_UNPROTECTED_LEVEL_2_3").subjects());
        assertEquals(List.of("RMI_RTT_FOLD"), d.get("EAC5_FOLD_BLOCKS_LEVEL_2").subjects());
        assertEquals(List.of("RSI_IPA_STATE_GET"), d.get("EAC5_IPA_STATE_GET_SINGLE").subjects());
        assertEquals("12.5", d.get("EAC5_IPA_STATE_GET_SINGLE").reference());
        for (Difference x : d.values()) assertEquals("1.0-eac5", x.model(), x.id());
        assertEquals(d.keySet(), byId("1.0-eac5", "1.0").keySet(), "the same differences either way round");
        assertEquals("1.0", byId("1.0-eac5", "1.0").get("FEAT0_LAYOUT").model(), "the layout is named by the second model");
        assertEquals("12.3", byId("1.0-eac5", "1.0").get("FEAT0_LAYOUT").reference(), "12.3 states the layout change");
    }

    @Test
    void aSeededBugDiffersFrom10ByItsOneQuirk() {
        Map<String, Difference> d = byId("1.0", "1.0-bug-enter-system-off");
        assertEquals(List.of("BUG_ENTER_SYSTEM_OFF"), List.copyOf(d.keySet()));
        assertEquals(List.of("RMI_REC_ENTER"), d.get("BUG_ENTER_SYSTEM_OFF").subjects());
        assertEquals("1.0-bug-enter-system-off", d.get("BUG_ENTER_SYSTEM_OFF").model());
        Map<String, Difference> two = byId("1.0-bug-no-scrub", "1.0-bug-rec-any-mpidr");
        assertEquals(List.of("BUG_NO_SCRUB", "BUG_REC_CREATE_ANY_MPIDR"), List.copyOf(two.keySet()));
        assertEquals("1.0-bug-no-scrub", two.get("BUG_NO_SCRUB").model());
    }

    @Test
    void oneModelOrAnUnknownOneHasNone() {
        assertTrue(byId("1.0", "1.0").isEmpty());
        assertTrue(ModelDifferences.between(RmmModels.byId("1.0"), null).isEmpty());
    }

    @Test
    void everyQuirkSaysWhatWhereAndAtWhichCommand() {
        for (Quirk q : Quirk.values()) {
            assertFalse(q.what().isBlank(), q.name());
            assertTrue(q.reference().matches("\\d+(\\.\\d+)?"), q + " " + q.reference());
            assertFalse(q.subjects().isEmpty(), q.name());
            for (String s : q.subjects()) assertTrue(s.matches("(RMI|RSI)_[A-Z_]+|NS_READ|STAGE2_FAULT"), q + " " + s);
        }
    }
}
