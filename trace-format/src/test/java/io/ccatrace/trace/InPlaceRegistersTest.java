package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-place register and payload accessors ({@link EventView#argCount}, {@link EventView#arg},
 * {@link EventView#outCount}, {@link EventView#out(int)}, {@link EventView#copyPayload}) give
 * exactly what the array accessors give, row after row across batches, in every format and
 * with read-ahead; out-of-range requests fail instead of reading a neighbouring row.
 */
class InPlaceRegistersTest {
    private static final int ROWS = 65536 + 5000;

    @TempDir
    Path dir;

    private static long[] viaIndex(int n, java.util.function.IntToLongFunction at) {
        if (n < 0) return null;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = at.applyAsLong(i);
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "t.jsonl"})
    void sameAsTheArrays(String name) throws IOException {
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, CursorTest.edgy(ROWS));
        int withArgs = 0;
        int withOut = 0;
        int withPayload = 0;
        for (boolean ahead : new boolean[] {false, true}) {
            try (TraceCursor c = TraceFiles.openCursor(p, BatchCursor.eventColumns(), Long.MIN_VALUE, ahead, false, w -> { })) {
                while (c.next()) {
                    long[] args = c.args() == null ? null : c.args().clone();
                    long[] out = c.out() == null ? null : c.out().clone();
                    byte[] payload = c.payload() == null ? null : c.payload().clone();
                    assertArrayEquals(args, viaIndex(c.argCount(), c::arg), "args at seq " + c.seq());
                    assertArrayEquals(out, viaIndex(c.outCount(), c::out), "out at seq " + c.seq());
                    if (payload != null) {
                        byte[] got = new byte[payload.length + 2];
                        // in two pieces, at an offset: as NS memory copies a write that crosses a page
                        int half = payload.length / 2;
                        c.copyPayload(0, got, 1, half);
                        c.copyPayload(half, got, 1 + half, payload.length - half);
                        assertArrayEquals(payload, java.util.Arrays.copyOfRange(got, 1, 1 + payload.length), "payload at seq " + c.seq());
                        withPayload++;
                    }
                    if (args != null) {
                        withArgs++;
                        int n = args.length;
                        assertThrows(IndexOutOfBoundsException.class, () -> c.arg(n), "arg past the row's registers");
                    }
                    if (out != null) withOut++;
                    if (payload != null) {
                        int len = payload.length;
                        assertThrows(IndexOutOfBoundsException.class, () -> c.copyPayload(0, new byte[len + 1], 0, len + 1));
                    }
                }
            }
        }
        assertTrue(withArgs > ROWS / 4 && withOut > ROWS / 4 && withPayload > ROWS / 20,
                name + ": rows with registers and payloads were seen (" + withArgs + ", " + withOut + ", " + withPayload + ")");
    }

    @Test
    void anEventAnswersFromItsArrays() {
        for (TraceEvent e : CursorTest.edgy(200)) {
            assertEquals(e.args() == null ? -1 : e.args().length, e.argCount());
            assertEquals(e.out() == null ? -1 : e.out().length, e.outCount());
            assertArrayEquals(e.args(), viaIndex(e.argCount(), e::arg));
            assertArrayEquals(e.out(), viaIndex(e.outCount(), e::out));
        }
    }
}
