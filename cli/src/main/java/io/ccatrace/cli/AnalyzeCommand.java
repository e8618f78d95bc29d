package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.MalformedRowException;
import io.ccatrace.analyzers.engine.RuleCatalog;
import io.ccatrace.analyzers.finding.FindingReport;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.finding.Severity;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceCursor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** ccatrace analyze: run the security rules over traces (docs/analyzers.md). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Check traces against the CCA security rules (docs/analyzers.md).",
            "An unreadable trace among several is skipped: one line on stderr names it",
            "and what is wrong; the others are checked, and the report counts the",
            "skipped ones (a last line; skipped_traces in --json).",
            "Exit 0: every trace read, no violation; 1: a violation in a trace read",
            "(also when another was skipped); 2: bad input (no violation, but a trace",
            "skipped; or a single trace unreadable: its one-line error, no report)."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TRACE", description = "Trace files, directories or globs (at least one, unless --list-rules).")
    List<String> traces;

    @Option(names = "--rule", split = ",", paramLabel = "ID", description = "Only these rules (comma-separated ids).")
    List<String> rules;

    @Option(names = "--json", description = "Print findings as JSON.")
    boolean json;

    @Option(names = "--list-rules", description = "List the rules and exit.")
    boolean listRules;

    @Option(names = "--check-chain", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Check the integrity chain, warning on a break as every reader does (the default): a Parquet",
                "trace with storage digests is checked on its stored bytes on a second thread (the event chain only",
                "after a mismatch), any other trace has every column decoded and its event chain recomputed.",
                "--no-check-chain skips the check, for traces already checked with `ccatrace verify`."})
    boolean checkChain;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "1: decode and judge on one thread; 2 (default): decode the next batch on a second thread.")
    int threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listRules) {
            for (Rule r : RuleCatalog.all()) out.println(r.id() + "\t" + r.title() + " (spec " + r.specRef() + ")");
            return ExitCodes.OK;
        }
        if (traces == null || traces.isEmpty()) throw new UserException("Missing required parameter: 'TRACE'");
        List<Rule> selected;
        try {
            selected = RuleCatalog.select(rules);
        } catch (IllegalArgumentException e) {
            throw new UserException("--rule: " + e.getMessage());
        }
        if (threads != 1 && threads != 2) throw new UserException("--threads must be 1 or 2, not " + threads);
        List<String> ids = new ArrayList<>();
        for (Rule r : selected) ids.add(r.id());
        List<FindingReport.TraceFindings> results = new ArrayList<>();
        long violations = 0;
        List<Path> paths = TracePaths.expand(traces);
        SkippedTraces skipped = new SkippedTraces(paths, err);
        for (Path p : paths) {
            // a trace's findings are reported only when it was read to the end: a skipped one adds none
            Analyzer a = new Analyzer(RuleCatalog.select(ids), new FindingSink());
            if (!skipped.read(p, () -> run(a, p, err))) continue;
            results.add(new FindingReport.TraceFindings(p.toString(), a.events(), a.findings()));
            violations += a.findings().total(Severity.VIOLATION);
        }
        if (json) out.println(FindingReport.jsonText(results, skipped.count()));
        else FindingReport.text(results, skipped.count(), out);
        out.flush();
        err.flush();
        // a violation is certain whatever the skipped traces hold, so it wins over their bad input
        if (violations > 0) return ExitCodes.FINDING;
        return skipped.count() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private void run(Analyzer a, Path p, PrintWriter err) throws IOException {
        try (TraceCursor c = TraceFiles.openCursor(p, Analyzer.COLUMNS, Long.MIN_VALUE, threads == 2, checkChain,
                Warnings.to(err))) {
            a.run(c);
        } catch (MalformedRowException e) {
            throw new UserException(p + ": " + e.getMessage());
        }
    }
}
