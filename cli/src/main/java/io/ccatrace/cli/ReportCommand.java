package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.MalformedRowException;
import io.ccatrace.analyzers.report.HtmlReport;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ccatrace report: one self-contained HTML page for a trace. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report (findings, realm memory timelines, granules, histograms).")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "Trace file.")
    Path trace;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "HTML file to write.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<TraceCursor> opened = new ArrayList<>();
        // Each pass's reader warns once; the page and stderr get every distinct warning once.
        java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
        try {
            TraceFiles.openCursor(trace, Long.MIN_VALUE, w -> { }).close(); // fail early, with the reader's one-line error
            String html = HtmlReport.build(trace.getFileName().toString(), () -> events(opened, warnings), warnings,
                    () -> !opened.isEmpty() && !opened.get(0).complete());
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } catch (MalformedRowException e) {
            throw new UserException(trace + ": " + e.getMessage());
        } finally {
            for (TraceCursor c : opened) c.close();
        }
        warnings.forEach(Warnings.to(spec));
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** One pass over the trace through the row cursor: every element is the cursor itself, at its next row. */
    private Iterator<EventView> events(List<TraceCursor> opened, java.util.Set<String> warnings) {
        try {
            TraceCursor c = TraceFiles.openCursor(trace, Long.MIN_VALUE, warnings::add);
            opened.add(c);
            return new Iterator<>() {
                private boolean ready;
                private boolean more;

                @Override
                public boolean hasNext() {
                    if (!ready) {
                        try {
                            more = c.next();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        ready = true;
                    }
                    return more;
                }

                @Override
                public EventView next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    ready = false;
                    return c;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
