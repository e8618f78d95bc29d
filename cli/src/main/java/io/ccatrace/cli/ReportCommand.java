package io.ccatrace.cli;

import io.ccatrace.analyzers.report.HtmlReport;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
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
        List<TraceReader> opened = new ArrayList<>();
        try {
            TraceFiles.open(trace, w -> { }).close(); // fail early, with the reader's one-line error
            String html = HtmlReport.build(trace.getFileName().toString(), () -> events(opened));
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } finally {
            for (TraceReader r : opened) r.close();
        }
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Iterator<TraceEvent> events(List<TraceReader> opened) {
        try {
            TraceReader r = TraceFiles.open(trace, w -> { });
            opened.add(r);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return r.hasNext();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public TraceEvent next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    try {
                        return r.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
