package io.ccatrace.analyzers.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pair counts keep their memory to the pairs seen: name ids are global to a trace, so a trace
 * with many distinct names gives large ids, and a square array sized by the largest id needed
 * id² longs (ids near 100,000: 80 GB, out of memory).
 */
class Counts2Test {
    private static NameTable names(int n) {
        NameTable t = new NameTable();
        for (int i = 0; i < n; i++) t.id("N" + i);
        return t;
    }

    @Test
    void largeIdsAreCountedWithoutASquareArray() {
        Counts2 c = new Counts2();
        c.add(3, 5);
        c.add(3, 5);
        c.add(99_999, 99_998);
        c.add(99_999, -1);
        c.add(7, 100_000);
        Counts2 copy = c.copy();
        c.add(99_999, 99_998); // the copy is its own
        NameTable t = names(100_001);
        assertEquals(Map.of("N3", Map.of("N5", 2L), "N99999", Map.of("N99998", 2L, "-", 1L),
                "N7", Map.of("N100000", 1L)), c.named(t));
        assertEquals(Map.of("N3", Map.of("N5", 2L), "N99999", Map.of("N99998", 1L, "-", 1L),
                "N7", Map.of("N100000", 1L)), copy.named(t));
    }

    @Test
    void everyPairIsCountedOnceEitherSideOfTheDenseIds() {
        int n = 2 * Counts2.DENSE + 3;
        Counts2 c = new Counts2();
        for (int a = 0; a < n; a++) c.add(a, n - 1 - a);
        Map<String, Map<String, Long>> named = c.named(names(n));
        assertEquals(n, named.size());
        for (int a = 0; a < n; a++) assertEquals(Map.of("N" + (n - 1 - a), 1L), named.get("N" + a));
    }
}
