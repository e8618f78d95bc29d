package io.ccatrace.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `bench ab` over several fresh JVMs, one after the other: the same comparison with A first
 * in the first JVM, B first in the second, and so on, so the JIT's first-mover bias
 * ({@link BenchAbCommand}) falls on each side equally. Each child is this JVM's own command
 * (its java, JVM options and class path) running `bench ab --jvms 1`; its lines are shown
 * prefixed with the JVM, and its counted rounds come back as "values:" lines.
 */
final class AbJvms {
    private static final String VALUES = "values: ";

    private AbJvms() {
    }

    /** The last counted round in the form {@link #run} reads back. */
    static String values(AbRounds time, AbRounds alloc) {
        double[] t = time.last();
        double[] a = alloc.last();
        return String.format(Locale.ROOT, "%s%s %s %s %s", VALUES, t[0], t[1], a[0], a[1]);
    }

    /** Runs the children in turn; the first child's failing exit code, or OK after the summaries. */
    static int run(PrintWriter out, PrintWriter err, AbSide.Part p, List<String> args, int jvms) throws IOException, InterruptedException {
        AbRounds time = new AbRounds();
        AbRounds alloc = new AbRounds();
        List<String> verdicts = new ArrayList<>();
        int lowerA = 0;
        int lowerB = 0;
        for (int i = 0; i < jvms; i++) {
            String first = i % 2 == 0 ? "A" : "B";
            List<String> cmd = new ArrayList<>(command());
            cmd.addAll(args);
            cmd.addAll(List.of("--first", first, "--values"));
            Path errors = Files.createTempFile("ccatrace-ab", ".err");
            int rc;
            AbRounds own = new AbRounds();
            try {
                Process child = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
                read(child, i, out, own, time, alloc);
                rc = child.waitFor();
                for (String line : Files.readAllLines(errors, StandardCharsets.UTF_8)) err.println(line);
                err.flush();
            } finally {
                Files.deleteIfExists(errors);
            }
            if (rc != 0) return rc;
            double d = AbRounds.quantile(own.differences(), 0.5);
            if (d < 0) lowerB++;
            if (d > 0) lowerA++;
            verdicts.add(String.format(Locale.ROOT, "%+.1f (%s first)", d, first));
        }
        out.printf(Locale.ROOT, "all %d JVMs, rounds pooled:%n", jvms);
        AbReport.summary(out, p, time, alloc);
        out.printf(Locale.ROOT, "B - A median per JVM: %s: %s%n", String.join(", ", verdicts),
                lowerB == jvms ? "B lower in every JVM" : lowerA == jvms ? "A lower in every JVM"
                        : "the JVMs disagree: no difference shown");
        out.flush();
        return ExitCodes.OK;
    }

    /** Shows the child's lines prefixed with its JVM, and adds its "values:" rounds to own and the pooled figures. */
    private static void read(Process child, int i, PrintWriter out, AbRounds own, AbRounds time, AbRounds alloc) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(VALUES)) {
                    String[] v = line.substring(VALUES.length()).split(" ");
                    own.add(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                    time.add(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                    alloc.add(Double.parseDouble(v[2]), Double.parseDouble(v[3]));
                } else {
                    out.println("jvm " + (i + 1) + ": " + line);
                }
                out.flush();
            }
        }
    }

    /** This JVM's java, its JVM options and class path, and the main class. */
    private static List<String> command() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Ccatrace.class.getName()));
        return cmd;
    }
}
