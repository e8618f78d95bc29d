package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The statistics of bench ab, against values worked out by hand. */
class AbRoundsTest {
    @Test
    void signTestIsTheTwoSidedBinomialTail() {
        // all 10 rounds one way: 2 * (1/2)^10
        assertEquals(2.0 / 1024, AbRounds.signTest(0, 10), 1e-12);
        assertEquals(2.0 / 1024, AbRounds.signTest(10, 10), 1e-12);
        // 2 of 10: 2 * (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2 * 56 / 1024
        assertEquals(112.0 / 1024, AbRounds.signTest(2, 10), 1e-12);
        assertEquals(112.0 / 1024, AbRounds.signTest(8, 10), 1e-12);
        // an even split, and no rounds at all, are no evidence
        assertEquals(1.0, AbRounds.signTest(5, 10), 1e-12);
        assertEquals(1.0, AbRounds.signTest(0, 0), 1e-12);
        // 1 of 3: 2 * (1 + 3) / 8 = 1, capped
        assertEquals(1.0, AbRounds.signTest(1, 3), 1e-12);
    }

    @Test
    void quantilesByNearestRank() {
        double[] v = {10, 20, 30, 40};
        assertEquals(20, AbRounds.quantile(v, 0.5));
        assertEquals(10, AbRounds.quantile(v, 0.25));
        assertEquals(30, AbRounds.quantile(v, 0.75));
        assertEquals(10, AbRounds.quantile(v, 0));
        assertEquals(40, AbRounds.quantile(v, 1));
        assertEquals(30, AbRounds.quantile(new double[] {10, 30, 50}, 0.5));
    }

    @Test
    void roundsArePairedNotPooled() {
        AbRounds r = new AbRounds();
        r.add(100, 90);  // B lower
        r.add(200, 195); // B lower: a loaded round moves both sides
        r.add(100, 104); // A lower
        r.add(150, 150); // a tie counts for neither
        assertEquals(4, r.size());
        assertEquals(2, r.lowerB());
        assertEquals(1, r.lowerA());
        assertArrayEquals(new double[] {-10, -5, 0, 4}, r.differences());
        assertArrayEquals(new double[] {100, 100, 150, 200}, r.sorted(0));
        assertArrayEquals(new double[] {90, 104, 150, 195}, r.sorted(1));
    }
}
