package io.ccatrace.analyzers.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Delegated memory over simulated time: the peak number of granules in the Realm PAS per
 * time bucket. At most 256 points; when full, buckets double in width and merge, so memory
 * is fixed whatever the trace length. Over several traces, each starting at time 0, the
 * buckets are of time since a trace's start and hold the peak of any trace: a time earlier
 * than the last one recorded (the next trace) goes into its own bucket, not after the last.
 */
final class DelegatedSeries {
    private static final int MAX = 256;
    private long width = 1000;
    private final long[] bucket = new long[MAX + 1];
    private final long[] peak = new long[MAX + 1];
    private int n;

    void record(long time, long delegated) {
        long b = time / width;
        if (n > 0 && bucket[n - 1] == b) {
            peak[n - 1] = Math.max(peak[n - 1], delegated);
            return;
        }
        int i = n == 0 || bucket[n - 1] < b ? n : java.util.Arrays.binarySearch(bucket, 0, n, b);
        if (i >= 0 && i < n) {
            peak[i] = Math.max(peak[i], delegated);
            return;
        }
        if (i < 0) {
            i = -i - 1;    // a later trace, back at an earlier time: insert in order
            System.arraycopy(bucket, i, bucket, i + 1, n - i);
            System.arraycopy(peak, i, peak, i + 1, n - i);
        }
        bucket[i] = b;
        peak[i] = delegated;
        n++;
        while (n > MAX) compact();
    }

    DelegatedSeries copy() {
        DelegatedSeries o = new DelegatedSeries();
        o.width = width;
        System.arraycopy(bucket, 0, o.bucket, 0, n);
        System.arraycopy(peak, 0, o.peak, 0, n);
        o.n = n;
        return o;
    }

    private void compact() {
        width *= 2;
        int m = 0;
        for (int i = 0; i < n; i++) {
            long b = bucket[i] / 2;
            if (m > 0 && bucket[m - 1] == b) {
                peak[m - 1] = Math.max(peak[m - 1], peak[i]);
            } else {
                bucket[m] = b;
                peak[m] = peak[i];
                m++;
            }
        }
        n = m;
    }

    /** Points as {bucket start time (ns), peak delegated granules}. */
    List<long[]> points() {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new long[] {bucket[i] * width, peak[i]});
        return out;
    }

    long width() {
        return width;
    }
}
