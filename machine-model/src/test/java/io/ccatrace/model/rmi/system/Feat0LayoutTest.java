package io.ccatrace.model.rmi.system;

import static io.ccatrace.model.rmi.system.FeaturesTest.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.RmmModels;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decoding RmiFeatureRegister0 in the rel0 layout (reference 2.5) and the EAC5 one (reference
 * 12.3). The registers are assembled here from the reference's bit positions, not by the
 * model's encoders; the last tests check that each model's RMI_FEATURES decodes, in its own
 * layout, to the machine's declared resources.
 */
class Feat0LayoutTest {
    @Test
    void rel0FieldsAndTheirMinusOneCounts() {
        long r = field(40, 0) | field(1, 8) | field(1, 9) | field(2, 10) | field(5, 14) | field(3, 20)
                | field(1, 26) | field(7, 27) | field(1, 32) | field(0, 33) | field(15, 34) | field(10, 38);
        Map<String, Long> want = new LinkedHashMap<>();
        want.put("S2SZ", 40L);
        want.put("LPA2", 1L);
        want.put("SVE_EN", 1L);
        want.put("SVE_VL", 2L);
        want.put("NUM_BPS", 6L);        // [19:14] holds the count minus one
        want.put("NUM_WPS", 4L);
        want.put("PMU_EN", 1L);
        want.put("PMU_NUM_CTRS", 7L);
        want.put("HASH_SHA_256", 1L);
        want.put("HASH_SHA_512", 0L);
        want.put("GICV3_NUM_LRS", 16L); // [37:34], minus one
        want.put("MAX_RECS_ORDER", 10L);
        assertEquals(want, Feat0Layout.REL0.decode(r));
        assertEquals(0L, Feat0Layout.REL0.reserved(r));
        assertEquals(1L << 42 | 1L << 63, Feat0Layout.REL0.reserved(r | 1L << 42 | 1L << 63), "bits 63:42 are reserved");
    }

    @Test
    void eac5FieldsArePlainCountsAtTheOldPositions() {
        long r = field(48, 0) | field(1, 9) | field(3, 10) | field(6, 14) | field(4, 18)
                | field(1, 22) | field(8, 23) | field(1, 28) | field(1, 29);
        Map<String, Long> want = new LinkedHashMap<>();
        want.put("S2SZ", 48L);
        want.put("LPA2", 0L);
        want.put("SVE_EN", 1L);
        want.put("SVE_VL", 3L);
        want.put("NUM_BPS", 6L);        // [17:14], the count itself
        want.put("NUM_WPS", 4L);        // [21:18]
        want.put("PMU_EN", 1L);         // bit 22
        want.put("PMU_NUM_CTRS", 8L);   // [27:23]
        want.put("HASH_SHA_256", 1L);   // bit 28
        want.put("HASH_SHA_512", 1L);   // bit 29
        assertEquals(want, Feat0Layout.EAC5.decode(r));
        assertEquals(0L, Feat0Layout.EAC5.reserved(r));
        assertEquals(1L << 30 | 1L << 34, Feat0Layout.EAC5.reserved(r | 1L << 30 | 1L << 34),
                "EAC5 has nothing above bit 29 (no GICV3_NUM_LRS, no MAX_RECS_ORDER)");
    }

    @Test
    void eachModelReportsInItsRevisionsLayout() {
        assertSame(Feat0Layout.REL0, Feat0Layout.of(RmmModels.byId("1.0")));
        assertSame(Feat0Layout.EAC5, Feat0Layout.of(RmmModels.byId("1.0-eac5")));
        assertSame(Feat0Layout.REL0, Feat0Layout.of(RmmModels.byId("1.0-bug-no-scrub")), "seeded bugs are 1.0");
    }

    @Test
    void everyModelsRegisterDecodesToTheMachinesResources() {
        MachineConfig d = MachineConfig.defaults(); // 48-bit PA, SVE VL 3, 6 BPs, 4 WPs, 8 PMU counters, 16 LRs
        for (String id : RmmModels.all().keySet()) {
            long r = new Fixture(d.withRmmModel(id)).rmi("RMI_FEATURES", 0)[1];
            Feat0Layout layout = Feat0Layout.of(RmmModels.byId(id));
            Map<String, Long> f = layout.decode(r);
            assertEquals(48L, f.get("S2SZ"), id);
            assertEquals(3L, f.get("SVE_VL"), id);
            assertEquals(6L, f.get("NUM_BPS"), id);
            assertEquals(4L, f.get("NUM_WPS"), id);
            assertEquals(8L, f.get("PMU_NUM_CTRS"), id);
            assertEquals(0L, layout.reserved(r), id);
            if (layout == Feat0Layout.REL0) assertEquals(16L, f.get("GICV3_NUM_LRS"), id);
        }
    }
}
