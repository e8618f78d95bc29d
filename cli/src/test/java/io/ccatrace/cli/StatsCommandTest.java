package io.ccatrace.cli;

import static io.ccatrace.cli.ManyTraces.ccatrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccatrace.cli.ManyTraces.Run;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.VerifyingReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `stats` over many traces of which some cannot be read: each of those is skipped with one
 * line on stderr (the single-trace error's words), the statistics are exactly those of the
 * readable traces (nothing of a trace refused part-way), total.skipped_traces counts the
 * skipped ones, and the exit status is 2. A trace alone is refused as before; an unfinished
 * recording is readable, so it is counted, not skipped.
 */
class StatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path traces;
    private Path a;
    private Path b;
    private List<Path> unreadable;

    @BeforeEach
    void traces() throws IOException {
        traces = Files.createDirectory(dir.resolve("traces"));
        a = ManyTraces.synthetic(traces.resolve("a.arrows"), 5_000, 3);
        b = ManyTraces.synthetic(traces.resolve("b.parquet"), 7_000, 4);
        // the JSONL row path reads 65,536 rows a batch: the first batch is counted before the last line is refused
        Path whole = ManyTraces.synthetic(dir.resolve("whole.jsonl"), 70_000, 5);
        unreadable = List.of(ManyTraces.png(traces.resolve("image.arrows")),
                ManyTraces.firstHalf(b, traces.resolve("half.parquet")),
                ManyTraces.junkAtTheEnd(whole, traces.resolve("part-way.jsonl")));
    }

    private static JsonNode total(Run r) throws IOException {
        return JSON.readTree(r.out()).get("total");
    }

    /** The statistics without the skipped count. */
    private static JsonNode withoutSkipped(Run r) throws IOException {
        JsonNode n = JSON.readTree(r.out());
        ((ObjectNode) n.get("total")).remove("skipped_traces");
        return n;
    }

    @Test
    void unreadableTracesAreSkippedAndAddNothing() throws IOException {
        Run clean = ccatrace("stats", "--json", a.toString(), b.toString());
        assertEquals(ExitCodes.OK, clean.code(), clean.err());
        assertEquals("", clean.err());
        assertEquals(0, total(clean).get("skipped_traces").asLong(), clean.out());

        List<String> args = new ArrayList<>(List.of("stats", "--json", a.toString()));
        for (Path p : unreadable) args.add(p.toString());
        args.add(b.toString());
        Run mixed = ccatrace(args.toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, mixed.code(), mixed.err());
        assertEquals(3, total(mixed).get("skipped_traces").asLong(), mixed.out());
        assertEquals(2, total(mixed).get("traces").asLong(), mixed.out());
        assertEquals(withoutSkipped(clean), withoutSkipped(mixed), "the statistics of the two readable traces alone");

        assertEquals(ManyTraces.skipLines("stats", unreadable), mixed.err().strip().lines().toList());
    }

    /** A directory (the way to give a thousand traces) sorts its traces by name: a, b, then the unreadable ones. */
    @Test
    void aDirectoryWithUnreadableTracesReportsTheOthers() throws IOException {
        Run clean = ccatrace("stats", "--json", a.toString(), b.toString());
        Run all = ccatrace("stats", "--json", traces.toString());
        assertEquals(ExitCodes.BAD_INPUT, all.code(), all.err());
        assertEquals(3, all.err().strip().lines().filter(l -> l.startsWith("ccatrace: skipped: ")).count(), all.err());
        assertEquals(3, total(all).get("skipped_traces").asLong(), all.out());
        assertEquals(withoutSkipped(clean), withoutSkipped(all));
    }

    @Test
    void textAndCsvSayHowManyWereSkipped() {
        Run text = ccatrace("stats", a.toString(), unreadable.get(0).toString());
        assertEquals(ExitCodes.BAD_INPUT, text.code(), text.err());
        assertTrue(text.out().startsWith("total:\n  traces: 1\n  events: 5000\n  skipped_traces: 1\n"), text.out());

        Run alone = ccatrace("stats", "--csv", a.toString());
        Run csv = ccatrace("stats", "--csv", a.toString(), unreadable.get(0).toString());
        assertEquals(ExitCodes.BAD_INPUT, csv.code(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals("section,key,subkey,value", rows.get(0));
        assertTrue(rows.contains("total,skipped_traces,,1"), csv.out());
        assertTrue(alone.out().lines().toList().contains("total,skipped_traces,,0"), alone.out());
        assertEquals(alone.out().lines().filter(l -> !l.startsWith("total,skipped_traces,")).toList(),
                rows.stream().filter(l -> !l.startsWith("total,skipped_traces,")).toList());
    }

    /** A recording cut inside its last batch reads up to it, with the one warning: counted as today, not skipped. */
    @Test
    void anUnfinishedRecordingIsCountedNotSkipped() throws IOException {
        Path cut = ManyTraces.synthetic(dir.resolve("cut.arrows"), 100_000, 6);
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(f.length() - 1000);
        }
        long readable = 0;
        try (VerifyingReader r = TraceFiles.open(cut, w -> { })) {
            for (; r.hasNext(); r.next()) readable++;
        }
        assertTrue(readable > 0 && readable < 100_000, "rows before the cut: " + readable);
        Run r = ccatrace("stats", "--json", a.toString(), cut.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("ccatrace: warning: " + VerifyingReader.incomplete(cut.toString(), readable), r.err().strip());
        assertEquals(2, total(r).get("traces").asLong(), r.out());
        assertEquals(0, total(r).get("skipped_traces").asLong(), r.out());
        assertEquals(5_000 + readable, total(r).get("events").asLong(), r.out());
    }
}
