package io.ccatrace.analyzers.stats;

import io.ccatrace.analyzers.engine.LongMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts keyed by a pair of name ids: a growable square array for ids below {@link #DENSE},
 * a map of the pairs seen for the rest.
 *
 * <p>Name ids are global to a trace (every name column shares one {@link NameTable}), so a
 * trace with many distinct names (an imported log, a hand-written dump: the format leaves
 * commands, statuses and states open) gives large ids to the pairs counted here. A square
 * array sized by the largest id needs ids² longs: 20,000 distinct names made `stats` and
 * `report` run out of memory. The array keeps the recorded traces' few dozen names at an
 * array index per count; memory for the rest grows with the pairs actually seen.
 */
final class Counts2 {
    /** Ids below this are counted in the square array (at most DENSE² longs, 512 KiB). */
    static final int DENSE = 256;

    private long[][] c = new long[16][16];
    /** Pairs with an id of DENSE or more: key a << 32 | (b + 1), count in the slot's a. */
    private LongMap<Void> sparse;

    void add(int a, int b) {
        if (a < 0) return;
        int bb = b + 1;
        if (a >= DENSE || bb >= DENSE) {
            if (sparse == null) sparse = new LongMap<>();
            int s = sparse.slot((long) a << 32 | bb);
            sparse.setA(s, sparse.a(s) + 1);
            return;
        }
        if (a >= c.length || bb >= c[0].length) grow(Math.max(a, bb) + 1);
        c[a][bb]++;
    }

    Counts2 copy() {
        Counts2 o = new Counts2();
        o.c = new long[c.length][];
        for (int i = 0; i < c.length; i++) o.c[i] = c[i].clone();
        if (sparse != null) {
            o.sparse = new LongMap<>(sparse.size());
            for (long k : sparse.sortedKeys()) o.sparse.setA(o.sparse.slot(k), sparse.a(sparse.find(k)));
        }
        return o;
    }

    private void grow(int n) {
        int size = Math.min(DENSE, Math.max(n, c.length * 2));
        long[][] g = new long[size][size];
        for (int i = 0; i < c.length; i++) System.arraycopy(c[i], 0, g[i], 0, c[i].length);
        c = g;
    }

    /** Sorted map "a" -> ("b" -> count); a null second name shows as "-". */
    Map<String, Map<String, Long>> named(NameTable names) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (int a = 0; a < c.length; a++) {
            for (int b = 0; b < c[a].length; b++) {
                if (c[a][b] != 0) put(out, names, a, b, c[a][b]);
            }
        }
        if (sparse != null) {
            for (long k : sparse.sortedKeys()) put(out, names, (int) (k >>> 32), (int) k, sparse.a(sparse.find(k)));
        }
        return out;
    }

    private static void put(Map<String, Map<String, Long>> out, NameTable names, int a, int bb, long n) {
        out.computeIfAbsent(names.name(a), k -> new TreeMap<>())
                .merge(bb == 0 ? "-" : names.name(bb - 1), n, Long::sum);
    }
}
