package io.ccatrace.cli;

import io.ccatrace.replay.history.History;
import io.ccatrace.replay.history.RealmFilter;
import io.ccatrace.replay.history.Subject;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ccatrace history`: every event that touched a granule, an IPA or a REC. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List every event that touched a PA (granule), an IPA or a REC, with what changed.")
public final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE")
    Path trace;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--realm", paramLabel = "RD", converter = Numbers.class,
            description = "with --ipa: only the events of the realm whose RD this is (every realm has the same IPA layout)")
    Long realm;

    static final class Target {
        @Option(names = "--ipa", paramLabel = "IPA", converter = Numbers.class)
        Long ipa;
        @Option(names = "--pa", paramLabel = "PA", converter = Numbers.class)
        Long pa;
        @Option(names = "--rec", paramLabel = "REC", converter = Numbers.class)
        Long rec;
    }

    @Override
    public Integer call() throws IOException {
        Subject s = target.pa != null ? new Subject(Subject.Kind.PA, target.pa)
                : target.rec != null ? new Subject(Subject.Kind.REC, target.rec)
                : new Subject(Subject.Kind.IPA, target.ipa);
        if (realm != null && target.ipa == null) throw new UserException("--realm goes only with --ipa (a PA or a REC is one object already)");
        RealmFilter only = realm == null ? null : new RealmFilter(realm);
        PrintWriter out = spec.commandLine().getOut();
        try (TraceCursor reader = TraceFiles.openCursor(trace, Long.MIN_VALUE, Warnings.to(spec))) {
            long n = History.print(reader, s, only, out);
            if (only != null && !only.seen()) {
                throw new UserException(trace + ": --realm 0x" + Long.toHexString(realm) + ": no row of the trace names this realm");
            }
            out.println(n + " event" + (n == 1 ? "" : "s") + " touched " + s.kind() + " 0x"
                    + Long.toHexString(s.addr()) + (only == null ? "" : " of realm 0x" + Long.toHexString(realm)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
