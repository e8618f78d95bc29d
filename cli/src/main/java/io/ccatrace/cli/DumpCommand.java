package io.ccatrace.cli;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ccatrace dump: prints a trace's events (JSON lines, CSV or a table), optionally filtered. */
@Command(mixinStandardHelpOptions = true, name = "dump", description = "Print the events of a trace (.arrows, .parquet, .jsonl).")
public final class DumpCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "trace file")
    Path trace;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default), csv or table")
    String format;

    @Option(names = "--from", paramLabel = "SEQ", description = "first seq to print")
    Long from;

    @Option(names = "--to", paramLabel = "SEQ", description = "last seq to print (inclusive)")
    Long to;

    @Option(names = "--kind", split = ",", paramLabel = "K", description = "only these kinds, e.g. RMI_CALL,REC_EXIT")
    List<String> kinds;

    @Override
    public Integer call() throws Exception {
        EnumSet<EventKind> wanted = kindSet(kinds);
        if (from != null && from < 0) throw new UserException("--from: must be a seq (0 or more), got " + from);
        if (to != null && to < 0) throw new UserException("--to: must be a seq (0 or more), got " + to);
        if (from != null && to != null && from > to) {
            throw new UserException("--from " + from + " is after --to " + to + " (nothing to print)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Arrow and Parquet through the read-ahead cursor (TraceFiles.openEvents), from the first
        // row as before: the whole chain up to --to is checked, an unfinished trace's warning
        // counts its readable events, and a damaged file gives the rows before the damage
        try (TraceReader r = TraceFiles.openEvents(trace, Warnings.to(err));
             EventPrinter p = EventPrinter.of(format, out)) {
            while (r.hasNext()) {
                TraceEvent e = r.next();
                if (to != null && e.seq() > to) break;
                if (from != null && e.seq() < from) continue;
                if (wanted.contains(e.kind())) p.print(e);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static EnumSet<EventKind> kindSet(List<String> names) {
        if (names == null || names.isEmpty()) return EnumSet.allOf(EventKind.class);
        EnumSet<EventKind> s = EnumSet.noneOf(EventKind.class);
        for (String n : names) {
            try {
                s.add(EventKind.valueOf(n.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UserException("--kind: unknown event kind \"" + n + "\" (kinds: "
                        + java.util.Arrays.toString(EventKind.values()) + ")");
            }
        }
        return s;
    }
}
