package io.ccatrace.analyzers.stats;

import java.util.Map;
import java.util.TreeMap;

/** Counts keyed by a pair of name ids, in a growable square array. */
final class Counts2 {
    private long[][] c = new long[16][16];

    void add(int a, int b) {
        if (a < 0) return;
        int bb = b + 1;
        if (a >= c.length || bb >= c[0].length) grow(Math.max(a, bb) + 1);
        c[a][bb]++;
    }

    Counts2 copy() {
        Counts2 o = new Counts2();
        o.c = new long[c.length][];
        for (int i = 0; i < c.length; i++) o.c[i] = c[i].clone();
        return o;
    }

    private void grow(int n) {
        int size = Math.max(n, c.length * 2);
        long[][] g = new long[size][size];
        for (int i = 0; i < c.length; i++) System.arraycopy(c[i], 0, g[i], 0, c[i].length);
        c = g;
    }

    /** Sorted map "a" -> ("b" -> count); a null second name shows as "-". */
    Map<String, Map<String, Long>> named(NameTable names) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (int a = 0; a < c.length; a++) {
            for (int b = 0; b < c[a].length; b++) {
                if (c[a][b] == 0) continue;
                out.computeIfAbsent(names.name(a), k -> new TreeMap<>())
                        .merge(b == 0 ? "-" : names.name(b - 1), c[a][b], Long::sum);
            }
        }
        return out;
    }
}
