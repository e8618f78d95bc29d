package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dump, info, convert, import and verify through the command line, exit codes included. */
class TraceCommandsTest {
    @TempDir
    Path dir;
    private Path arrows;
    private final List<TraceEvent> events = new ArrayList<>();

    private record Run(int code, String out, String err) {
    }

    private static Run ccatrace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ccatrace.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void trace() throws IOException {
        new SyntheticTrace(5000, 3).forEachRemaining(events::add);
        arrows = dir.resolve("t.arrows");
        try (TraceWriter w = TraceFiles.create(arrows, TraceMetadata.empty().with(TraceMetadata.SEED, "3"))) {
            for (TraceEvent e : events) w.write(e);
        }
    }

    private List<TraceEvent> read(Path p) throws IOException {
        List<TraceEvent> l = new ArrayList<>();
        try (TraceReader r = TraceFiles.open(p)) {
            while (r.hasNext()) l.add(r.next());
        }
        return l;
    }

    @Test
    void dumpFiltersBySeqAndKind() {
        Run r = ccatrace("dump", arrows.toString(), "--from", "100", "--to", "400", "--kind", "RMI_CALL,REC_EXIT");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        long want = events.stream().filter(e -> e.seq() >= 100 && e.seq() <= 400)
                .filter(e -> e.kind().name().equals("RMI_CALL") || e.kind().name().equals("REC_EXIT")).count();
        assertEquals(want, lines.length);
        for (String l : lines) {
            assertTrue(l.contains("\"kind\":\"RMI_CALL\"") || l.contains("\"kind\":\"REC_EXIT\""), l);
        }
    }

    /**
     * dump reads Arrow and Parquet through the read-ahead cursor: the same lines as the row
     * reader of the JSONL copy prints, for a range two 8,192-row Arrow batches in, in every
     * output format.
     */
    @ParameterizedTest
    @CsvSource({"arrows, jsonl", "parquet, jsonl", "arrows, csv", "parquet, table"})
    void dumpOfARangePrintsWhatTheRowReaderPrints(String ext, String format) throws IOException {
        List<TraceEvent> many = new ArrayList<>();
        new SyntheticTrace(20_000, 5).forEachRemaining(many::add);
        Path t = dir.resolve("many." + ext);
        Path js = dir.resolve("many.jsonl");
        for (Path p : List.of(t, js)) {
            try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty())) {
                for (TraceEvent e : many) w.write(e);
            }
        }
        String[] range = {"--from", "17000", "--to", "18500", "--format", format};
        Run fast = ccatrace(concat(new String[] {"dump", t.toString()}, range));
        Run rows = ccatrace(concat(new String[] {"dump", js.toString()}, range));
        assertEquals(0, fast.code(), fast.err());
        assertEquals("", fast.err());
        assertEquals(rows.out(), fast.out());
        long lines = fast.out().lines().count() - (format.equals("jsonl") ? 0 : 1);
        assertEquals(1501, lines, "seq 17000..18500, one line each (and a header)");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void dumpThenImportGivesTheSameEventsMarkedImported() throws IOException {
        Run d = ccatrace("dump", arrows.toString());
        assertEquals(0, d.code(), d.err());
        Path dump = dir.resolve("events.jsonl");
        Files.writeString(dump, d.out());
        Path back = dir.resolve("back.parquet");
        Run i = ccatrace("import", dump.toString(), "-o", back.toString());
        assertEquals(0, i.code(), i.err());
        assertEquals(events, read(back));
        Run info = ccatrace("info", back.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("ccatrace.origin = imported"), info.out());
        assertTrue(info.out().contains("events: 5000"), info.out());
        assertTrue(info.out().contains("integrity: intact"), info.out());
    }

    @Test
    void convertKeepsEventsAndMetadata() throws IOException {
        Path pq = dir.resolve("c.parquet");
        Path js = dir.resolve("c.jsonl");
        assertEquals(0, ccatrace("convert", arrows.toString(), pq.toString()).code());
        assertEquals(0, ccatrace("convert", pq.toString(), js.toString()).code());
        assertEquals(events, read(js));
        try (TraceReader r = TraceFiles.open(js)) {
            assertEquals("3", r.metadata().get(TraceMetadata.SEED));
        }
    }

    @Test
    void verifyFindsAnEditedEvent() throws IOException {
        Path js = dir.resolve("v.jsonl");
        assertEquals(0, ccatrace("convert", arrows.toString(), js.toString()).code());
        Run ok = ccatrace("verify", js.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains(": OK: 5000 events"), ok.out());
        List<String> lines = new ArrayList<>(Files.readAllLines(js));
        lines.set(4500, lines.get(4500).replace("\"time\":", "\"time\":9"));
        Files.write(js, lines);
        Run bad = ccatrace("verify", js.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("BROKEN") && bad.out().contains("seq 4096..4999"), bad.out());
    }

    @Test
    void foreignFileIsOneLineExitTwo() throws IOException {
        Path png = dir.resolve("image.arrows");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        for (String cmd : new String[] {"dump", "info", "verify"}) {
            Run r = ccatrace(cmd, png.toString());
            assertEquals(2, r.code(), cmd);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(png.toString()), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        Run missing = ccatrace("dump", dir.resolve("nope.parquet").toString());
        assertEquals(2, missing.code());
        Run ext = ccatrace("dump", dir.resolve("x.txt").toString());
        assertEquals(2, ext.code());
        assertTrue(ext.err().contains("extension"), ext.err());
    }

    @Test
    void csvAndTableHaveOneLinePerEventPlusHeader() {
        Run csv = ccatrace("dump", arrows.toString(), "--format", "csv", "--to", "9");
        assertEquals(11, csv.out().lines().count());
        assertTrue(csv.out().startsWith("seq,time,kind,input,cpu,"), csv.out());
        Run table = ccatrace("dump", arrows.toString(), "--format", "table", "--to", "9");
        assertEquals(11, table.out().lines().count());
        Run bad = ccatrace("dump", arrows.toString(), "--format", "xml");
        assertEquals(2, bad.code());
    }
}
