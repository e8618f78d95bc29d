package io.ccatrace.replay.divergence;

import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the recorded effects of one input with the replayed ones: the longest common
 * subsequence under {@link EffectKey#sameSubject}, so one missing or extra effect does not
 * make every later effect of the window look different. Windows are short (one RMI call or
 * REC entry); a long window falls back to a positional pairing beyond {@link #MAX_LCS}.
 */
public final class Alignment {
    /** One aligned position: recorded index or -1 (extra), replayed index or -1 (missing). */
    public record Pair(int recorded, int replayed) {
    }

    static final int MAX_LCS = 1024;

    private Alignment() {
    }

    public static List<Pair> align(List<TraceEvent> rec, List<TraceEvent> rep) {
        int n = rec.size();
        int m = rep.size();
        List<Pair> out = new ArrayList<>(Math.max(n, m));
        int start = 0;
        // fast path: the common prefix pairs positionally (the usual case: everything agrees)
        while (start < n && start < m && EffectKey.sameSubject(rec.get(start), rep.get(start))) {
            out.add(new Pair(start, start));
            start++;
        }
        if (start == n && start == m) return out;
        if (n - start > MAX_LCS || m - start > MAX_LCS) {
            for (int i = start; i < Math.max(n, m); i++) {
                out.add(new Pair(i < n ? i : -1, i < m ? i : -1));
            }
            return out;
        }
        lcs(rec, rep, start, out);
        return out;
    }

    private static void lcs(List<TraceEvent> rec, List<TraceEvent> rep, int start, List<Pair> out) {
        int n = rec.size() - start;
        int m = rep.size() - start;
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = EffectKey.sameSubject(rec.get(start + i), rep.get(start + j))
                        ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && EffectKey.sameSubject(rec.get(start + i), rep.get(start + j))) {
                out.add(new Pair(start + i++, start + j++));
            } else if (j < m && (i == n || len[i][j + 1] >= len[i + 1][j])) {
                out.add(new Pair(-1, start + j++));
            } else {
                out.add(new Pair(start + i++, -1));
            }
        }
    }
}
