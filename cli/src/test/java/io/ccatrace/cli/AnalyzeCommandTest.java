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
}
