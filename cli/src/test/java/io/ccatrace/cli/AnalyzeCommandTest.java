package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    /** Delegate 0x80000000 (PAS and granule rows), then delegate it again. */
    private Path trace(String name, String secondStatus) throws IOException {
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
