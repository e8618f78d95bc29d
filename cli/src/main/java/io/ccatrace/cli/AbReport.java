package io.ccatrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What `bench ab` prints: a line per round and the summary over the counted rounds. */
final class AbReport {
    private AbReport() {
    }

    /**
     * The compared figure of a pass in ns/event: the calling thread's CPU time for simulate and
     * record (single-threaded work), wall time for replay (a replay runs on two threads).
     */
    static double figure(AbSide.Part p, AbSide.Pass pass) {
        return pass.perEvent(p == AbSide.Part.REPLAY ? pass.wallNanos() : pass.threadCpuNanos());
    }

    static String round(int r, AbSide.Part p, AbSide.Pass[] pass, double load) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "round %2d:", r));
        for (int s = 0; s < 2; s++) {
            AbSide.Pass x = pass[s];
            sb.append(String.format(Locale.ROOT, "  %s %.1f ns/event", s == 0 ? "A" : "B", figure(p, x)));
            if (p == AbSide.Part.REPLAY) {
                sb.append(String.format(Locale.ROOT, " (replaying thread %.1f, all threads %.1f)",
                        x.perEvent(x.threadCpuNanos()), x.perEvent(x.processCpuNanos())));
            }
            sb.append(String.format(Locale.ROOT, " %.1f B/event", x.perEvent(x.allocatedBytes())));
        }
        if (pass[0].events() != pass[1].events()) {
            sb.append(String.format(Locale.ROOT, "  (events differ: A %d, B %d)", pass[0].events(), pass[1].events()));
        }
        return sb.append(String.format(Locale.ROOT, "  load %.1f", load)).toString();
    }

    /** Whether the two sides' recordings are the same bytes (the last round's files). */
    static String sameBytes(Path a, Path b) throws IOException {
        long at = Files.mismatch(a, b);
        if (at < 0) return String.format(Locale.ROOT, "recordings: identical bytes (%,d)", Files.size(a));
        return String.format(Locale.ROOT, "recordings: DIFFER from byte %,d (A %,d bytes, B %,d)", at, Files.size(a), Files.size(b));
    }

    static void summary(PrintWriter out, AbSide.Part p, AbRounds time, AbRounds alloc) {
        String what = p == AbSide.Part.REPLAY ? "wall" : "thread CPU";
        for (int s = 0; s < 2; s++) {
            double[] v = time.sorted(s);
            out.printf(Locale.ROOT, "%s: %s median %.1f ns/event (quartiles %.1f-%.1f, min %.1f; %.2f M events/s), alloc median %.1f B/event%n",
                    s == 0 ? "A" : "B", what, AbRounds.quantile(v, 0.5), AbRounds.quantile(v, 0.25), AbRounds.quantile(v, 0.75),
                    v[0], 1e3 / AbRounds.quantile(v, 0.5), AbRounds.quantile(alloc.sorted(s), 0.5));
        }
        double[] d = time.differences();
        int a = time.lowerA();
        int b = time.lowerB();
        out.printf(Locale.ROOT, "B - A per round: median %+.1f ns/event (quartiles %+.1f..%+.1f); lower: A in %d, B in %d of %d rounds"
                        + " (sign test p = %.3g)%n",
                AbRounds.quantile(d, 0.5), AbRounds.quantile(d, 0.25), AbRounds.quantile(d, 0.75), a, b, time.size(),
                AbRounds.signTest(b, a + b));
        out.flush();
    }
}
