package io.ccatrace.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench ab: this build (A) against another one (B, --against) in the same JVM, each
 * in a class loader of its own ({@link AbSide}), their passes alternated round by round (A
 * first in even rounds, B first in odd ones), so both see the same load and the same
 * collector. Separate JVMs on this 2-core VM differ by up to 30% run to run; a same-JVM
 * alternation resolves a few percent. It prints every round and then, over the rounds after
 * the warm-up ones, each side's median and quartiles, the rounds each side won, the paired
 * difference and a sign test ({@link AbRounds}).
 */
@Command(mixinStandardHelpOptions = true, name = "ab",
        description = "Compare this build with another ccatrace jar in one JVM, passes alternated (simulate, record or replay).")
public final class BenchAbCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--against", required = true, paramLabel = "JAR",
            description = "the other build: a ccatrace jar (or a class path)")
    String against;

    @Option(names = "--part", defaultValue = "record",
            description = "simulate, record (one thread, to a file in --dir; default) or replay")
    String part;

    @Option(names = "--scenario", defaultValue = "multi-realm", description = "scenario (default multi-realm)")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
    long seed;

    @Option(names = "--events", defaultValue = "1000000", description = "events per pass (default 1,000,000)")
    long events;

    @Option(names = "--format", defaultValue = "arrows", description = "record: arrows, parquet or jsonl (default arrows)")
    String format;

    @Option(names = "--trace", paramLabel = "TRACE", description = "replay: this trace (default: one recorded by this build)")
    Path trace;

    @Option(names = "--rounds", defaultValue = "20", description = "rounds of one pass per side (default 20)")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "-1", description = "first rounds left out of the figures (default a third)")
    int warmupRounds;

    @Option(names = "--dir", paramLabel = "DIR", description = "where record writes and the replay's trace goes (default a temporary directory)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        AbSide.Part p = parsePart();
        if (events <= 0) throw new UserException("--events: must be positive");
        if (rounds < 2) throw new UserException("--rounds: must be at least 2");
        if (!List.of("arrows", "parquet", "jsonl").contains(format)) throw new UserException("--format: must be arrows, parquet or jsonl");
        if (trace != null && !Files.isRegularFile(trace)) throw new UserException("--trace: no such file: " + trace);
        int skip = warmupRounds >= 0 ? Math.min(warmupRounds, rounds - 1) : rounds / 3;
        PrintWriter out = spec.commandLine().getOut();
        Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("ccatrace-ab");
        Path[] files = {d.resolve("ab-a." + format), d.resolve("ab-b." + format)};
        Path replayed = trace != null ? trace : d.resolve("ab-replay.parquet");
        try (AbSide a = new AbSide("A", System.getProperty("java.class.path"), scenario, seed, events);
             AbSide b = new AbSide("B", against, scenario, seed, events)) {
            AbSide[] sides = {a, b};
            if (p == AbSide.Part.REPLAY && trace == null) a.recordTo(replayed);
            out.printf(Locale.ROOT, "bench ab: A = this build, B = %s; %s, %s seed %d, %,d events per pass; %d rounds, the first %d left out%n",
                    against, p.name().toLowerCase(Locale.ROOT), scenario, seed, events, rounds, skip);
            AbRounds time = new AbRounds();
            AbRounds alloc = new AbRounds();
            for (int r = 0; r < rounds; r++) {
                AbSide.Pass[] pass = new AbSide.Pass[2];
                for (int k = 0; k < 2; k++) {
                    int s = (r + k) % 2;
                    pass[s] = sides[s].pass(p, p == AbSide.Part.REPLAY ? replayed : files[s]);
                }
                out.println(AbReport.round(r, p, pass, load()));
                out.flush();
                if (r < skip) continue;
                time.add(AbReport.figure(p, pass[0]), AbReport.figure(p, pass[1]));
                alloc.add(pass[0].perEvent(pass[0].allocatedBytes()), pass[1].perEvent(pass[1].allocatedBytes()));
            }
            if (p == AbSide.Part.RECORD) out.println(AbReport.sameBytes(files[0], files[1]));
            AbReport.summary(out, p, time, alloc);
        } finally {
            for (Path f : files) Files.deleteIfExists(f);
            if (trace == null) Files.deleteIfExists(replayed);
            if (dir == null) Files.deleteIfExists(d);
        }
        return ExitCodes.OK;
    }

    private AbSide.Part parsePart() {
        switch (part) {
            case "simulate": return AbSide.Part.SIMULATE;
            case "record": return AbSide.Part.RECORD;
            case "replay": return AbSide.Part.REPLAY;
            default: throw new UserException("--part: must be simulate, record or replay, got '" + part + "'");
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
