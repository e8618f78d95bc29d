package io.ccatrace.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The figures of `bench ab`: one value per side per round (e.g. ns/event), compared round by
 * round. On a shared box the load moves both sides of a round together, so the paired
 * difference and the count of rounds each side won say more than two medians; the sign
 * test's p-value says how often a count at least as lopsided would come from two equal builds.
 */
final class AbRounds {
    private final List<double[]> rounds = new ArrayList<>();

    /** Adds a round's value of side A and of side B. */
    void add(double a, double b) {
        rounds.add(new double[] {a, b});
    }

    /** The last round's values of A and B. */
    double[] last() {
        return rounds.get(rounds.size() - 1).clone();
    }

    int size() {
        return rounds.size();
    }

    /** The values of side 0 (A) or 1 (B), sorted. */
    double[] sorted(int side) {
        double[] v = new double[rounds.size()];
        for (int i = 0; i < v.length; i++) v[i] = rounds.get(i)[side];
        Arrays.sort(v);
        return v;
    }

    /** B minus A per round, sorted. */
    double[] differences() {
        double[] v = new double[rounds.size()];
        for (int i = 0; i < v.length; i++) v[i] = rounds.get(i)[1] - rounds.get(i)[0];
        Arrays.sort(v);
        return v;
    }

    /** Rounds where B's value is below A's. */
    int lowerB() {
        int n = 0;
        for (double[] r : rounds) if (r[1] < r[0]) n++;
        return n;
    }

    /** Rounds where A's value is below B's. */
    int lowerA() {
        int n = 0;
        for (double[] r : rounds) if (r[0] < r[1]) n++;
        return n;
    }

    /** The value at quantile q (0..1) of sorted values, by the nearest rank. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Two-sided sign test: the probability that n fair coin flips give a count at least as far
     * from n/2 as k (ties left out of n by the caller).
     */
    static double signTest(int k, int n) {
        if (n == 0) return 1;
        int extreme = Math.min(k, n - k);
        double tail = 0;
        double c = 1; // C(n, i)
        for (int i = 0; i <= extreme; i++) {
            tail += c;
            c = c * (n - i) / (i + 1);
        }
        return Math.min(1, 2 * tail / Math.pow(2, n));
    }
}
