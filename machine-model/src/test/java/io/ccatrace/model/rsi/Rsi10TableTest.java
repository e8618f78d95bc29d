package io.ccatrace.model.rsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The realm-call table against the reference's lists (6.1 RSI, 6.3 PSCI/SMCCC). */
class Rsi10TableTest {
    /** name -> {fid, args, results} from reference 6.1. */
    static final Map<String, long[]> RSI = new LinkedHashMap<>();

    static {
        RSI.put("RSI_VERSION", new long[] {0xC4000190L, 1, 2});
        RSI.put("RSI_FEATURES", new long[] {0xC4000191L, 1, 1});
        RSI.put("RSI_MEASUREMENT_READ", new long[] {0xC4000192L, 1, 8});
        RSI.put("RSI_MEASUREMENT_EXTEND", new long[] {0xC4000193L, 10, 0});
        RSI.put("RSI_ATTESTATION_TOKEN_INIT", new long[] {0xC4000194L, 8, 1});
        RSI.put("RSI_ATTESTATION_TOKEN_CONTINUE", new long[] {0xC4000195L, 3, 1});
        RSI.put("RSI_REALM_CONFIG", new long[] {0xC4000196L, 1, 0});
        RSI.put("RSI_IPA_STATE_SET", new long[] {0xC4000197L, 4, 2});
        RSI.put("RSI_IPA_STATE_GET", new long[] {0xC4000198L, 2, 2});
        RSI.put("RSI_HOST_CALL", new long[] {0xC4000199L, 1, 0});
    }

    @Test
    void everyRsiCommandOfRel0() {
        RealmCallTable t = Rsi10.table();
        for (Map.Entry<String, long[]> e : RSI.entrySet()) {
            RealmCallTable.Entry row = t.byName(e.getKey());
            assertNotNull(row, e.getKey());
            assertEquals(e.getValue()[0], row.fid(), e.getKey());
            assertEquals(e.getValue()[1], row.argCount(), e.getKey() + " args");
            assertEquals(e.getValue()[2], row.resultCount(), e.getKey() + " results");
        }
    }

    @Test
    void everyPsciFunctionOf63() {
        RealmCallTable t = Rsi10.table();
        long[] fids = {0x80000000L, 0x84000000L, 0x84000001L, 0xC4000001L, 0x84000002L,
            0x84000003L, 0xC4000003L, 0x84000004L, 0xC4000004L, 0x84000008L, 0x84000009L, 0x8400000AL};
        for (long fid : fids) assertNotNull(t.lookup(fid), Long.toHexString(fid));
        assertEquals(RSI.size() + fids.length, t.entries().size(), "nothing else");
    }
}
