package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutation fuzzing of the readers: truncations, bit flips, overwritten and deleted
 * runs of bytes. Reading a mutant either succeeds (possibly with warnings) or throws
 * {@link TraceFormatException}; anything else, or a read that hangs, fails with the seed
 * and case number so it reproduces.
 */
class FuzzTest {
    private static final long SEED = 0x5EED_CCA0L;
    private static final int CASES = 100;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"f.arrows", "f.parquet", "f.jsonl"})
    void mutantsFailOnlyWithTraceFormatException(String name) throws IOException {
        Path base = dir.resolve(name);
        TraceRoundTripTest.write(base, CursorTest.edgy(2 * 4096 + 300));
        byte[] good = Files.readAllBytes(base);
        Random random = new Random(SEED ^ name.hashCode());
        Path mutant = dir.resolve("m-" + name);
        for (int i = 0; i < CASES; i++) {
            byte[] bad = mutate(good, random);
            Files.write(mutant, bad);
            int caseNo = i;
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readAll(mutant, name, caseNo),
                    name + " case " + caseNo + " hangs");
        }
    }

    private static void readAll(Path p, String name, int caseNo) {
        try {
            try (TraceReader r = TraceFiles.open(p, w -> { })) {
                while (r.hasNext()) r.next();
                r.metadata();
            }
        } catch (TraceFormatException expected) {
            // the documented failure
        } catch (Throwable t) {
            fail(name + " case " + caseNo + " (seed " + Long.toHexString(SEED) + "): row reader threw " + t, t);
        }
        try {
            try (BatchReader r = TraceFiles.openColumns(p, Set.of(Column.SEQ, Column.KIND, Column.CMD, Column.PA))) {
                while (r.next() != null) {
                    continue;
                }
            }
        } catch (TraceFormatException expected) {
            // the documented failure
        } catch (Throwable t) {
            fail(name + " case " + caseNo + " (seed " + Long.toHexString(SEED) + "): batch reader threw " + t, t);
        }
        try {
            // every column (lists, bytes, names) and the cursor's own chain check
            try (TraceCursor c = TraceFiles.openCursor(p, caseNo % 2 == 0 ? Long.MIN_VALUE : 5000, w -> { })) {
                while (c.next()) {
                    c.args();
                    c.out();
                    c.payload();
                    c.cmd();
                }
                c.metadata();
            }
        } catch (TraceFormatException expected) {
            // the documented failure
        } catch (Throwable t) {
            fail(name + " case " + caseNo + " (seed " + Long.toHexString(SEED) + "): cursor threw " + t, t);
        }
    }

    static byte[] mutate(byte[] good, Random random) {
        byte[] b = good.clone();
        switch (random.nextInt(5)) {
            case 0:
                return Arrays.copyOf(b, random.nextInt(b.length));
            case 1:
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            case 2:
                int at = random.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + random.nextInt(64));
                for (int k = 0; k < len; k++) b[at + k] = (byte) random.nextInt(256);
                return b;
            case 3:
                int from = random.nextInt(b.length);
                int cut = Math.min(b.length - from, 1 + random.nextInt(256));
                byte[] shorter = new byte[b.length - cut];
                System.arraycopy(b, 0, shorter, 0, from);
                System.arraycopy(b, from + cut, shorter, from, b.length - from - cut);
                return shorter;
            default:
                // a flip near the end, where the Parquet footer and Arrow end-of-stream live
                int tail = Math.max(0, b.length - 1 - random.nextInt(Math.min(b.length, 512)));
                b[tail] ^= (byte) (1 << random.nextInt(8));
                return b;
        }
    }
}
