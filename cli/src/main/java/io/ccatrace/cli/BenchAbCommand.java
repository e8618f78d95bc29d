package io.ccatrace.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ccatrace bench ab: this build (A) against another one (B, --against) in one JVM, each in a
 * class loader of its own ({@link AbSide}), their passes alternated round by round, so both
 * see the same load and the same collector. Separate JVMs on this 2-core VM differ by up to
 * 30% run to run; a same-JVM alternation resolves a few percent, but not a JIT bias: the two
 * builds share the JDK's own methods and their profiles, and the side that runs first gets
 * them compiled for its own classes first (an A/A run, the same jar on both sides, gave the
 * first side 8-9 of 10 rounds). So by default the comparison runs in two fresh JVMs
 * ({@link AbJvms}), A first in one and B first in the other, and a difference counts only when
 * both agree. It prints every round, then each JVM's and the pooled summary ({@link AbReport}).
 */
@Command(mixinStandardHelpOptions = true, name = "ab",
        description = "Compare this build with another ccatrace jar in one JVM, passes alternated (simulate, record, replay or writer).")
public final class BenchAbCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--against", required = true, paramLabel = "JAR",
            description = "the other build: a ccatrace jar (or a class path)")
    String against;

    @Option(names = "--part", defaultValue = "record",
            description = "simulate, record (one thread, to a file in --dir; default), replay, or writer (the recorder and"
                    + " writer without the model, to /dev/null, on the events of one run kept in memory: bench record --writer's part)")
    String part;

    @Option(names = "--scenario", defaultValue = "multi-realm", description = "scenario (default multi-realm)")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
    long seed;

    @Option(names = "--events", defaultValue = "1000000", description = "events per pass (default 1,000,000)")
    long events;

    @Option(names = "--format", defaultValue = "arrows", description = "record, writer: arrows, parquet or jsonl (default arrows)")
    String format;

    @Option(names = "--trace", paramLabel = "TRACE", description = "replay: this trace (default: one recorded by this build)")
    Path trace;

    @Option(names = "--rounds", defaultValue = "20", description = "rounds of one pass per side, per JVM (default 20)")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "-1", description = "first rounds left out of the figures (default a third)")
    int warmupRounds;

    @Option(names = "--jvms", defaultValue = "2",
            description = "fresh JVMs, A first in the odd ones and B first in the even ones (default 2); 1: this JVM, A first")
    int jvms;

    /** Which side runs first in round 0 (and in every even round); set per JVM by {@link AbJvms}. */
    @Option(names = "--first", defaultValue = "A", hidden = true)
    String firstSide;

    /** Also print each counted round's values in a form {@link AbJvms} reads. */
    @Option(names = "--values", hidden = true)
    boolean values;

    @Option(names = "--dir", paramLabel = "DIR", description = "where record writes and the replay's trace goes (default a temporary directory)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        AbSide.Part p = parsePart();
        if (!List.of("A", "B").contains(firstSide)) throw new UserException("--first: must be A or B");
        if (events <= 0) throw new UserException("--events: must be positive");
        if (rounds < 2) throw new UserException("--rounds: must be at least 2");
        if (jvms < 1 || jvms > 16) throw new UserException("--jvms: must be 1..16");
        if (!List.of("arrows", "parquet", "jsonl").contains(format)) throw new UserException("--format: must be arrows, parquet or jsonl");
        if (trace != null && !Files.isRegularFile(trace)) throw new UserException("--trace: no such file: " + trace);
        PrintWriter out = spec.commandLine().getOut();
        if (jvms > 1) return AbJvms.run(out, spec.commandLine().getErr(), p, childArgs(), jvms);
        inProcess(out, p);
        return ExitCodes.OK;
    }

    /** The options every child JVM gets (then --first and --values per JVM). */
    private List<String> childArgs() {
        List<String> a = new ArrayList<>(List.of("bench", "ab", "--jvms", "1", "--against", against, "--part", part,
                "--scenario", scenario, "--seed", Long.toString(seed), "--events", Long.toString(events), "--format", format,
                "--rounds", Integer.toString(rounds), "--warmup-rounds", Integer.toString(warmupRounds)));
        if (trace != null) a.addAll(List.of("--trace", trace.toString()));
        if (dir != null) a.addAll(List.of("--dir", dir.toString()));
        return a;
    }

    private void inProcess(PrintWriter out, AbSide.Part p) throws Exception {
        int skip = warmupRounds >= 0 ? Math.min(warmupRounds, rounds - 1) : rounds / 3;
        int first = firstSide.equals("A") ? 0 : 1;
        Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("ccatrace-ab");
        Path[] files = {d.resolve("ab-a." + format), d.resolve("ab-b." + format)};
        Path replayed = trace != null ? trace : d.resolve("ab-replay.parquet");
        String[] names = {"A", "B"};
        String[] paths = {System.getProperty("java.class.path"), against};
        // the side that runs first is also loaded first
        try (AbSide loadedFirst = new AbSide(names[first], paths[first], scenario, seed, events);
             AbSide loadedSecond = new AbSide(names[1 - first], paths[1 - first], scenario, seed, events)) {
            AbSide[] sides = new AbSide[2];
            sides[first] = loadedFirst;
            sides[1 - first] = loadedSecond;
            if (p == AbSide.Part.REPLAY && trace == null) sides[0].recordTo(replayed);
            out.printf(Locale.ROOT, "bench ab: A = this build, B = %s; %s, %s seed %d, %,d events per pass; %d rounds, the first %d left out; %s first%n",
                    against, p.name().toLowerCase(Locale.ROOT), scenario, seed, events, rounds, skip, firstSide);
            AbRounds time = new AbRounds();
            AbRounds alloc = new AbRounds();
            for (int r = 0; r < rounds; r++) {
                AbSide.Pass[] pass = new AbSide.Pass[2];
                for (int k = 0; k < 2; k++) {
                    int s = (r + k + first) % 2;
                    pass[s] = sides[s].pass(p, p == AbSide.Part.REPLAY ? replayed : files[s]);
                }
                out.println(AbReport.round(r, p, pass, BenchReplayCommand.load()));
                if (r >= skip) {
                    time.add(AbReport.figure(p, pass[0]), AbReport.figure(p, pass[1]));
                    alloc.add(pass[0].perEvent(pass[0].allocatedBytes()), pass[1].perEvent(pass[1].allocatedBytes()));
                    if (values) out.println(AbJvms.values(time, alloc));
                }
                out.flush();
            }
            if (p == AbSide.Part.RECORD) out.println(AbReport.sameBytes(files[0], files[1]));
            AbReport.summary(out, p, time, alloc);
        } finally {
            for (Path f : files) Files.deleteIfExists(f);
            if (trace == null) Files.deleteIfExists(replayed);
            if (dir == null) Files.deleteIfExists(d);
        }
    }

    private AbSide.Part parsePart() {
        switch (part) {
            case "simulate": return AbSide.Part.SIMULATE;
            case "record": return AbSide.Part.RECORD;
            case "replay": return AbSide.Part.REPLAY;
            case "writer": return AbSide.Part.WRITER;
            default: throw new UserException("--part: must be simulate, record, replay or writer, got '" + part + "'");
        }
    }
}
