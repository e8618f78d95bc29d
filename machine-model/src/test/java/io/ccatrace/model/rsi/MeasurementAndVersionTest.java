package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.ERROR_INPUT;
import static io.ccatrace.model.rsi.RsiCalls.SUCCESS;
import static io.ccatrace.model.rsi.RsiCalls.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.rmi.Guest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** RSI_VERSION, RSI_FEATURES, RSI_MEASUREMENT_READ / _EXTEND: reference 6.2, 10.3, 6.1 byte order. */
class MeasurementAndVersionTest {
    private static Guest active() {
        return new Guest().activate();
    }

    @Test
    void versionOneZero() {
        ModelEvent.RsiCall ok = call(active(), "RSI_VERSION", 0x10000);
        assertEquals(SUCCESS, ok.ret());
        assertArrayEquals(new long[] {0x10000, 0x10000}, ok.out());
        ModelEvent.RsiCall other = call(active(), "RSI_VERSION", 0x20000);
        assertEquals(ERROR_INPUT, other.ret());
        assertArrayEquals(new long[] {0x10000, 0x10000}, other.out(), "lower/higher in both cases");
    }

    @Test
    void featuresAreZero() {
        for (long index : new long[] {0, 1, 7}) {
            ModelEvent.RsiCall c = call(active(), "RSI_FEATURES", index);
            assertEquals(SUCCESS, c.ret());
            assertArrayEquals(new long[] {0}, c.out());
        }
    }

    @Test
    void readIndexBound() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_MEASUREMENT_READ", 5).ret());
    }

    @Test
    void extendIndexZeroAndAboveFour() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_MEASUREMENT_EXTEND", 0, 8, 1).ret());
        assertEquals(ERROR_INPUT, call(active(), "RSI_MEASUREMENT_EXTEND", 5, 8, 1).ret());
    }

    @Test
    void extendSizeBound() {
        assertEquals(ERROR_INPUT, call(active(), "RSI_MEASUREMENT_EXTEND", 1, 65, 1).ret());
    }

    @Test
    void extendHashesTheOldValueAndTheFirstSizeBytes() throws Exception {
        Guest g = active();
        // value bytes 0..9 from x3 (bytes 0..7) and x4 (bytes 8..9), little-endian (6.1)
        assertEquals(SUCCESS, call(g, "RSI_MEASUREMENT_EXTEND", 2, 10,
                0x0807060504030201L, 0xFFFF_FFFF_FFFF_0A09L).ret());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);                                   // REM starts all zero (10.1)
        byte[] want = sha.digest(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        ModelEvent.RsiCall r = call(g, "RSI_MEASUREMENT_READ", 2);
        assertEquals(SUCCESS, r.ret());
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : r.out()) b.putLong(v);
        byte[] slot = b.array();
        assertArrayEquals(want, java.util.Arrays.copyOf(slot, 32));
        assertArrayEquals(new byte[32], java.util.Arrays.copyOfRange(slot, 32, 64), "SHA-256: bytes 32..63 zero");
        // size 0 is allowed
        assertEquals(SUCCESS, call(g, "RSI_MEASUREMENT_EXTEND", 4, 0).ret());
    }
}
