package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * For the commands over many traces (stats, analyze): a command line run in-process, readable
 * traces, and traces no reader can read: a PNG named .arrows, a Parquet file cut in half (no
 * footer: refused when opened) and a JSONL trace whose last line is not JSON (refused part-way,
 * after the rows before it were read).
 */
final class ManyTraces {
    private ManyTraces() {
    }

    record Run(int code, String out, String err) {
    }

    static Run ccatrace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ccatrace.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A synthetic multi-realm trace of events rows at p (format by extension). */
    static Path synthetic(Path p, long events, long seed) throws IOException {
        return write(p, new SyntheticTrace(events, seed));
    }

    static Path write(Path p, Iterator<TraceEvent> rows) throws IOException {
        try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty())) {
            while (rows.hasNext()) w.write(rows.next());
        }
        return p;
    }

    static Path png(Path p) throws IOException {
        return Files.write(p, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    }

    /** The first half of a trace's bytes (a Parquet trace cut so loses its footer). */
    static Path firstHalf(Path of, Path p) throws IOException {
        byte[] b = Files.readAllBytes(of);
        return Files.write(p, Arrays.copyOf(b, b.length / 2));
    }

    /** A copy of a JSONL trace with a line that is not JSON after its last row. */
    static Path junkAtTheEnd(Path jsonl, Path p) throws IOException {
        Files.copy(jsonl, p);
        Files.writeString(p, "this is not json\n", StandardOpenOption.APPEND);
        return p;
    }

    /**
     * The lines a run of command over many traces must print for these unreadable ones: for
     * each, "ccatrace: skipped: " and the message of its one-line error when given alone (which
     * is checked to be that: exit 2, one line naming the file, no report).
     */
    static List<String> skipLines(String command, List<Path> unreadable) {
        List<String> lines = new ArrayList<>();
        for (Path p : unreadable) {
            Run alone = ccatrace(command, p.toString());
            assertEquals(ExitCodes.BAD_INPUT, alone.code(), alone.err());
            assertEquals("", alone.out(), "a trace given alone has no report");
            assertEquals(1, alone.err().strip().lines().count(), alone.err());
            assertTrue(alone.err().startsWith("ccatrace: " + p + ": "), alone.err());
            lines.add("ccatrace: skipped: " + alone.err().strip().substring("ccatrace: ".length()));
        }
        return lines;
    }
}
