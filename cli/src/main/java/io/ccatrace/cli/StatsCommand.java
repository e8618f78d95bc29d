package io.ccatrace.cli;

import io.ccatrace.analyzers.stats.StatsReport;
import io.ccatrace.analyzers.stats.TraceStats;
import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.StorageCheck;
import io.ccatrace.trace.TraceFormat;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ccatrace stats: counts, distributions and per-realm summaries over traces. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Statistics over one or many traces (definitions in docs/analyzers.md).",
            "An unreadable trace among several is skipped: one line on stderr names it",
            "and what is wrong; the statistics cover the other traces (nothing of it),",
            "and total skipped_traces counts the skipped ones.",
            "Exit 0: every trace read; 2: bad input (a trace skipped, or a single",
            "trace unreadable: its one-line error and no report)."})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Trace files, directories or globs.")
    List<String> traces;

    @Option(names = "--json", description = "JSON output.")
    boolean json;

    @Option(names = "--csv", description = "CSV output (section,key,subkey,value).")
    boolean csv;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads decoding a Parquet trace's columns (default: 2, or 1 on a one-core machine); the output does not depend on it")
    Integer threads;

    @Option(names = "--check-chain", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Warn on a broken integrity chain (default). A Parquet trace with storage digests is checked by its "
                    + "stored bytes, any other trace by its event chain, on a second thread; --no-check-chain skips it.")
    boolean checkChain = true;

    @Override
    public Integer call() throws IOException {
        if (json && csv) throw new UserException("choose one of --json and --csv");
        int n = threads == null ? Math.min(2, Runtime.getRuntime().availableProcessors()) : threads;
        if (n < 1 || n > 64) throw new UserException("--threads must be between 1 and 64");
        TraceStats stats = new TraceStats();
        List<Path> paths = TracePaths.expand(traces);
        SkippedTraces skipped = new SkippedTraces(paths, spec.commandLine().getErr());
        for (Path p : paths) {
            // read into a copy, kept only when the whole trace was read: a trace that fails part-way adds nothing
            TraceStats next = stats.copy();
            if (skipped.read(p, () -> read(p, next, n))) stats = next;
            else stats.skipTrace();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(StatsReport.json(stats));
        else if (csv) StatsReport.csv(stats, out);
        else StatsReport.text(stats, out);
        out.flush();
        return skipped.count() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    /** Counts every row of trace p into stats, warning (as every reader does) on a broken chain or an unfinished recording. */
    private void read(Path p, TraceStats stats, int threads) throws IOException {
        java.util.function.Consumer<String> warn = Warnings.to(spec);
        stats.startTrace(p.toString());
        boolean jsonl = TraceFormat.of(p) == TraceFormat.JSONL; // its row reader warns by itself
        try (BatchReader r = TraceFiles.openColumns(p, TraceStats.COLUMNS, warn, threads);
             StorageCheck check = checkChain ? TraceFiles.checkIntegrity(p, r.metadata()) : null) {
            long rows = 0;
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                stats.accept(b);
                rows += b.size();
            }
            String broken = check == null ? null : check.await();
            if (broken != null) warn.accept(p + ": " + broken);
            if (!jsonl && !r.complete()) warn.accept(VerifyingReader.incomplete(p.toString(), rows));
        }
    }
}
