package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.Analyzer;
import io.ccatrace.analyzers.engine.MalformedRowException;
import io.ccatrace.analyzers.explain.CrashExplainer;
import io.ccatrace.analyzers.explain.Explanation;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceCursor;
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

/** ccatrace explain: why realms crashed or stopped making progress (docs/analyzers.md). */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "For each realm that crashed or stopped making progress, the causal chain back to the root cause.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "Trace file.")
    Path trace;

    @Option(names = "--realm", paramLabel = "RD", description = "Only this realm (RD physical address, hex or decimal).")
    String realm;

    @Override
    public Integer call() throws IOException {
        Long only = realm == null ? null : parse(realm);
        CrashExplainer ex = new CrashExplainer();
        RealmSeen seen = new RealmSeen(only == null ? 0 : only);
        Analyzer a = new Analyzer(only == null ? List.of(ex) : List.of(ex, seen), new FindingSink());
        boolean unfinished;
        try (TraceCursor c = TraceFiles.openCursor(trace, Long.MIN_VALUE,
                Warnings.to(spec))) {
            a.run(c);
            unfinished = !c.complete();
        } catch (MalformedRowException e) {
            throw new UserException(trace + ": " + e.getMessage());
        }
        if (only != null && !seen.seen()) {
            throw new UserException(trace + ": --realm " + realm + ": no realm with that RD in the trace");
        }
        PrintWriter out = spec.commandLine().getOut();
        int shown = 0;
        int notJudged = 0;
        for (Explanation x : ex.explanations()) {
            if (only != null && x.realm() != only) continue;
            if (!x.judged(unfinished)) {
                notJudged++;
                continue;
            }
            out.print(x.text());
            shown++;
        }
        if (shown == 0) {
            out.println(only == null ? "no realm crashed or stalled in " + trace
                    : "realm " + realm + " did not crash or stall in " + trace);
        }
        if (notJudged > 0) {
            out.println(Explanation.notJudged(notJudged));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static long parse(String s) {
        try {
            String t = s.replace("_", "");
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new UserException("--realm: '" + s + "' is not an address");
        }
    }
}
