package io.ccatrace.analyzers.stats;

/**
 * Log-linear histogram of non-negative longs: 8 sub-buckets per power of two, so a reported
 * percentile is the upper bound of its bucket, at most 12.5% above the true value. Fixed
 * size (64 x 8 counters): memory does not grow with the number of samples.
 */
public final class Histogram {
    private final long[] counts = new long[64 * 8];
    private long n;
    private long max;
    private long sum;

    private static int bucket(long v) {
        if (v < 8) return (int) Math.max(v, 0);
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (exp - 3)) & 7);
        return (exp - 2) * 8 + sub;
    }

    private static long upper(int b) {
        if (b < 8) return b;
        int exp = b / 8 + 2;
        int sub = b % 8;
        return ((8L + sub + 1) << (exp - 3)) - 1;
    }

    public void add(long v) {
        counts[bucket(v)]++;
        n++;
        sum += v;
        if (v > max) max = v;
    }

    public void addAll(Histogram o) {
        for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
        n += o.n;
        sum += o.sum;
        max = Math.max(max, o.max);
    }

    public long count() { return n; }
    public long max() { return max; }
    public double mean() { return n == 0 ? 0 : (double) sum / n; }

    /** An independent copy (a trace's contribution is counted into a copy first: TraceStats.copy). */
    public Histogram copy() {
        Histogram h = new Histogram();
        h.addAll(this);
        return h;
    }

    /** The value at quantile q (0..1): the upper bound of its bucket, capped at the max. */
    public long percentile(double q) {
        if (n == 0) return 0;
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= Math.max(rank, 1)) return Math.min(upper(b), max);
        }
        return max;
    }
}
