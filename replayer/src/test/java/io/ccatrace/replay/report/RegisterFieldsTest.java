package io.ccatrace.replay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMI_FEATURES x1 divergences decoded field by field. The registers are assembled from the
 * reference's bit positions: the rel0 layout of 2.5 and the EAC5 one of 12.3, for one machine
 * (48-bit IPA, SVE VL 3, 6 breakpoints, 4 watchpoints, 8 PMU counters, 16 list registers).
 */
class RegisterFieldsTest {
    /** The machine above in the rel0 layout (counts minus one at [19:14], [25:20], [37:34]). */
    static final long REL0 = 48L | 1L << 9 | 3L << 10 | 5L << 14 | 3L << 20 | 1L << 26 | 8L << 27
            | 1L << 32 | 1L << 33 | 15L << 34 | 10L << 38;
    /** The same machine in the EAC5 layout (plain counts at [17:14], [21:18]; PMU 22, [27:23]; SHA 28, 29). */
    static final long EAC5 = 48L | 1L << 9 | 3L << 10 | 6L << 14 | 4L << 18 | 1L << 22 | 8L << 23
            | 1L << 28 | 1L << 29;

    static TraceEvent features(long index) {
        return TraceEvent.builder(1, EventKind.RMI_CALL).cpu(0).cmd("RMI_FEATURES").fid(0xC4000165L)
                .args(new long[] {index}).status("RMI_SUCCESS").index(0).out(new long[] {REL0}).build();
    }

    static Divergence x1(TraceEvent input, long expected, long actual) {
        return new Divergence(input.seq(), input, input, "x1", "0x" + Long.toHexString(expected),
                "0x" + Long.toHexString(actual), List.of(), List.of());
    }

    @Test
    void acrossRevisionsTheSameMachineDiffersOnlyInLayout() {
        RegisterFields f = RegisterFields.of(x1(features(0), REL0, EAC5), "1.0", "1.0-eac5");
        assertTrue(f.sameValues());
        assertEquals(List.of(new RegisterFields.Change("GICV3_NUM_LRS", 16L, null),
                new RegisterFields.Change("MAX_RECS_ORDER", 10L, null)), f.changes());
        String line = f.describe("1.0", "1.0-eac5");
        assertTrue(line.contains("every field both layouts have holds the same value"), line);
        assertTrue(line.contains("only 1.0 has GICV3_NUM_LRS 16, MAX_RECS_ORDER 10"), line);
    }

    @Test
    void theOtherWayRoundTheFieldsAreOnlyInTheActualSide() {
        RegisterFields f = RegisterFields.of(x1(features(0), EAC5, REL0), "1.0-eac5", "1.0");
        assertTrue(f.sameValues());
        assertTrue(f.describe("1.0-eac5", "1.0").contains("only 1.0 has GICV3_NUM_LRS 16, MAX_RECS_ORDER 10"));
    }

    @Test
    void aChangedValueInOneLayoutIsNamed() {
        long fewerBreakpoints = REL0 & ~(0x3FL << 14) | 1L << 14;   // NUM_BPS [19:14] = 1: two breakpoints
        long narrower = fewerBreakpoints & ~0xFFL | 40;             // S2SZ 40
        RegisterFields f = RegisterFields.of(x1(features(0), REL0, narrower), "1.0", "1.0-bug-no-scrub");
        assertFalse(f.sameValues());
        assertEquals(List.of(new RegisterFields.Change("S2SZ", 48L, 40L), new RegisterFields.Change("NUM_BPS", 6L, 2L)),
                f.changes());
        assertTrue(f.describe("1.0", "1.0-bug-no-scrub").endsWith("S2SZ 48 vs 40, NUM_BPS 6 vs 2"));
    }

    @Test
    void reservedBitsAreReported() {
        RegisterFields f = RegisterFields.of(x1(features(0), REL0, REL0 | 1L << 50), "1.0", "1.0");
        assertEquals(List.of(new RegisterFields.Change("reserved", 0L, 1L << 50)), f.changes());
        assertTrue(f.describe("1.0", "1.0").contains("reserved 0x0 vs 0x4000000000000"));
    }

    @Test
    void onlyRegisterZeroOfRmiFeaturesIsDecoded() {
        assertNull(RegisterFields.of(x1(features(1), 0, 1), "1.0", "1.0-eac5"), "index 1 has no fields in 1.0");
        TraceEvent version = TraceEvent.builder(0, EventKind.RMI_CALL).cpu(0).cmd("RMI_VERSION").fid(0xC4000150L)
                .args(new long[] {0}).status("RMI_SUCCESS").index(0).out(new long[] {0x10000}).build();
        assertNull(RegisterFields.of(x1(version, REL0, EAC5), "1.0", "1.0-eac5"));
        TraceEvent in = features(0);
        Divergence status = new Divergence(1, in, in, "status", "RMI_SUCCESS", "RMI_ERROR_INPUT", List.of(), List.of());
        assertNull(RegisterFields.of(status, "1.0", "1.0-eac5"));
        assertNull(RegisterFields.of(x1(in, REL0, EAC5), "1.0", null), "a model not known: nothing to decode in");
        assertNull(RegisterFields.of(x1(in, REL0, EAC5), "1.0", "2.0"));
    }
}
