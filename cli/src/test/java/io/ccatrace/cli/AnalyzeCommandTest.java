package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    /** Delegate 0x80000000 (PAS and granule rows), then delegate it again. */
    private Path trace(String name, String secondStatus) throws IOException {
        return trace(name, secondStatus, 0);
    }

    /** As above, followed by nsReads NS reads of a granule the host owns (no rule judges them). */
    private Path trace(String name, String secondStatus, int nsReads) throws IOException {
        Path p = dir.resolve(name);
        try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty())) {
            long pa = 0x8000_0000L;
            w.write(TraceEvent.builder(0, EventKind.RMI_CALL).cpu(0).cmd("RMI_GRANULE_DELEGATE")
                    .fid(0xC4000151L).args(new long[] {pa}).status("RMI_SUCCESS").index(0).out(new long[0]).build());
            w.write(TraceEvent.builder(1, EventKind.PAS_CHANGE).causeSeq(0).pa(pa).from("NS").to("REALM").build());
            w.write(TraceEvent.builder(2, EventKind.GRANULE_STATE).causeSeq(0).pa(pa).from("UNDELEGATED")
                    .to("DELEGATED").build());
            // reference 4.3 gran_state: delegating a DELEGATED granule must fail
            w.write(TraceEvent.builder(3, EventKind.RMI_CALL).cpu(0).cmd("RMI_GRANULE_DELEGATE")
                    .fid(0xC4000151L).args(new long[] {pa}).status(secondStatus).index(0).out(new long[0]).build());
            for (int i = 0; i < nsReads; i++) {
                w.write(TraceEvent.builder(4 + i, EventKind.NS_READ).time(1 + i).cpu(0).pa(0x9000_0000L).size(8).value(0).build());
            }
        }
        return p;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return Ccatrace.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** `--list-rules` needs no trace (its help says "list the rules and exit"); a check needs one. */
    @Test
    void listRulesNeedsNoTraceAndACheckDoes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, err, "analyze", "--list-rules"), err.toString());
        java.util.List<String> lines = out.toString().lines().toList();
        assertEquals(io.ccatrace.analyzers.engine.RuleCatalog.all().size(), lines.size(), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("must-fail\t")), out.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(ExitCodes.BAD_INPUT, run(new StringWriter(), err2, "analyze"));
        assertEquals("ccatrace: Missing required parameter: 'TRACE'", err2.toString().strip());
    }

    @Test
    void violationExitsOne() throws IOException {
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "analyze", trace("bad.jsonl", "RMI_SUCCESS").toString());
        assertEquals(ExitCodes.FINDING, code);
        assertTrue(out.toString().contains("[must-fail] seq 3"), out.toString());
    }

    @Test
    void refusedMisuseIsOnlyAWarning() throws IOException {
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "analyze", "--json", trace("ok.jsonl", "RMI_ERROR_INPUT").toString());
        assertEquals(ExitCodes.OK, code);
        assertTrue(out.toString().contains("\"severity\" : \"WARNING\""), out.toString());
    }

    @Test
    void directoryAndRuleFilter() throws IOException {
        trace("a.jsonl", "RMI_SUCCESS");
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, new StringWriter(), "analyze", "--rule", "granule-pas", dir.toString()));
        assertEquals(ExitCodes.FINDING, run(new StringWriter(), new StringWriter(), "analyze", dir + "/*.jsonl"));
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        Path junk = dir.resolve("junk.jsonl");
        Files.writeString(junk, "this is not json\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.BAD_INPUT, run(new StringWriter(), err, "analyze", junk.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(ExitCodes.BAD_INPUT, run(new StringWriter(), err2, "analyze", "--rule", "nope", junk.toString()));
        assertTrue(err2.toString().contains("unknown rule 'nope'"), err2.toString());
    }

    /**
     * An unreadable trace among several is skipped (one line: the single-trace error's words)
     * and adds no finding, not even those of the rows read before it failed: here a violation in
     * the first 65,536-row batch of a JSONL trace whose last line is not JSON. A row the analyzer
     * cannot follow (an RTT level no RMM reports) is skipped the same way. With no violation in
     * the traces read, the exit status is 2, and the report counts the skipped traces.
     */
    @Test
    void unreadableTracesAreSkippedWithNothingOfTheirs() throws IOException {
        Path ok = trace("ok.jsonl", "RMI_ERROR_INPUT");
        Path violating = trace("violating.jsonl", "RMI_SUCCESS", 70_000);
        assertEquals(ExitCodes.FINDING, ManyTraces.ccatrace("analyze", violating.toString()).code(), "the rows before the junk hold a violation");
        Path partWay = ManyTraces.junkAtTheEnd(violating, dir.resolve("part-way.jsonl"));
        Path png = ManyTraces.png(dir.resolve("image.arrows"));
        Path level40 = rttEntry("level40.jsonl", 40, "ASSIGNED");
        String[] traces = {ok.toString(), partWay.toString(), png.toString(), level40.toString()};

        ManyTraces.Run json = ManyTraces.ccatrace(concat(new String[] {"analyze", "--json"}, traces));
        assertEquals(ExitCodes.BAD_INPUT, json.code(), json.out() + json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(3, root.get("skipped_traces").asLong(), json.out());
        assertEquals(0, root.get("violations").asLong(), json.out());
        assertEquals(1, root.get("traces").size(), json.out());
        assertEquals(ok.toString(), root.get("traces").get(0).get("trace").asText());
        List<String> lines = ManyTraces.skipLines("analyze", List.of(partWay, png, level40));
        assertEquals(lines, json.err().strip().lines().toList());

        ManyTraces.Run text = ManyTraces.ccatrace(concat(new String[] {"analyze", "--threads", "1"}, traces));
        assertEquals(ExitCodes.BAD_INPUT, text.code(), text.err());
        assertEquals(lines, text.err().strip().lines().toList());
        List<String> out = text.out().strip().lines().toList();
        assertEquals(ok + ": 4 events, 0 violation(s), 1 warning(s)", out.get(0));
        assertEquals("skipped 3 unreadable trace(s), each named on stderr; the findings above are for the other 1", out.get(out.size() - 1));
        assertEquals(0, new ObjectMapper().readTree(
                ManyTraces.ccatrace("analyze", "--json", ok.toString()).out()).get("skipped_traces").asLong());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    /** A violation in a trace read is a finding whatever the skipped traces hold: exit 1 wins over 2. */
    @Test
    void aViolationWinsOverASkippedTrace() throws IOException {
        Path bad = trace("bad.jsonl", "RMI_SUCCESS");
        Path png = ManyTraces.png(dir.resolve("image.parquet"));
        ManyTraces.Run r = ManyTraces.ccatrace("analyze", "--json", png.toString(), bad.toString());
        assertEquals(ExitCodes.FINDING, r.code(), r.out() + r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("violations").asLong(), r.out());
        assertEquals(1, root.get("skipped_traces").asLong(), r.out());
        assertTrue(r.err().startsWith("ccatrace: skipped: " + png + ": "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** A realm's RTT_ENTRY row at (ipa 0, level) becoming `to` (PA of a block when assigned). */
    private Path rttEntry(String name, int level, String to) throws IOException {
        Path p = dir.resolve(name);
        try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty())) {
            TraceEvent.Builder b = TraceEvent.builder(0, EventKind.RTT_ENTRY).realm(0x8100_0000L).ipa(0).level(level)
                    .from("UNASSIGNED").to(to).fromRipas("RAM").toRipas(to.equals("TABLE") ? null : "RAM");
            if (to.startsWith("ASSIGNED")) b.pa(0x4000_0000L);
            w.write(b.build());
        }
        return p;
    }

    @Test
    void rttLevelNoRmmCanReportIsBadInputNotAHang() throws IOException {
        // reference 11.1: levels -1..3; ASSIGNED (blocks, pages) only at 1..3. Level 40 made the
        // shadow walk a 2^63-byte block (out of memory after 20 s), level 0 a 2^39-byte one.
        String[][] bad = {{"40", "ASSIGNED", "level 40"}, {"-5", "TABLE", "level -5"}, {"0", "ASSIGNED", "ASSIGNED at level 0"},
            {"-1", "ASSIGNED_NS", "ASSIGNED_NS at level -1"}};
        for (String[] c : bad) {
            Path t = rttEntry("l" + c[0] + c[1] + ".jsonl", Integer.parseInt(c[0]), c[1]);
            for (String[] cmd : new String[][] {{"analyze"}, {"explain"}, {"report", "-o", dir.resolve("r.html").toString()}}) {
                StringWriter err = new StringWriter();
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of(t.toString()))
                        .toArray(String[]::new);
                assertEquals(ExitCodes.BAD_INPUT, run(new StringWriter(), err, args), cmd[0] + " " + c[2]);
                String line = err.toString().strip();
                assertEquals(1, line.lines().count(), line);
                assertTrue(line.contains(t.toString()) && line.contains("event seq 0") && line.contains(c[2]), line);
            }
        }
        // the levels a trace can carry: a TABLE at -1 (LPA2) and a 1 GiB block at level 1
        assertEquals(ExitCodes.OK, run(new StringWriter(), new StringWriter(), "analyze", rttEntry("ok-1.jsonl", -1, "TABLE").toString()));
        assertEquals(ExitCodes.OK, run(new StringWriter(), new StringWriter(), "analyze", rttEntry("ok1.jsonl", 1, "ASSIGNED").toString()));
    }
}
