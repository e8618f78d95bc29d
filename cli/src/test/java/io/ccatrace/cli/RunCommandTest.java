package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path script(String... lines) throws Exception {
        Path p = dir.resolve("s.jsonl");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void malformedScriptIsLineNExitTwoAndWritesNothing() throws Exception {
        Path s = script("{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x80001000\"]}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_NOPE\",\"args\":[]}");
        Path o = dir.resolve("o.jsonl");
        assertEquals(ExitCodes.BAD_INPUT, run("run", s.toString(), "-o", o.toString()));
        String e = err.toString().strip();
        assertTrue(e.contains("line 2: rmi: unknown RMI command 'RMI_NOPE'"), e);
        assertFalse(e.contains("\n"), e);
        assertFalse(e.contains("Exception"), e);
        assertFalse(Files.exists(o));
    }

    @Test
    void unknownRmmModelIsBadInput() throws Exception {
        Path s = script("{\"op\":\"machine\"}");
        assertEquals(ExitCodes.BAD_INPUT, run("run", s.toString(), "-o",
                dir.resolve("o.jsonl").toString(), "--rmm", "9.9"));
        assertTrue(err.toString().contains("unknown RMM model '9.9'"), err.toString());
    }

    @Test
    void runRecordsEveryRmiLineInOrderWithMetadataAndIsDeterministic() throws Exception {
        Path s = script("{\"op\":\"machine\",\"seed\":5}",
                "# delegate then undelegate",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x80001000\"]}",
                "{\"op\":\"ns_write\",\"pa\":\"0x80001000\",\"fill\":7}",
                "{\"op\":\"rmi\",\"fid\":\"0xC4000156\",\"args\":[]}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_UNDELEGATE\",\"args\":[\"0x80001000\"]}");
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertEquals(ExitCodes.OK, run("run", s.toString(), "-o", a.toString()), err.toString());
        assertEquals(ExitCodes.OK, run("run", s.toString(), "-o", b.toString()), err.toString());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

        List<String> cmds = new ArrayList<>();
        int gpfs = 0;
        try (TraceReader r = TraceFiles.open(a)) {
            TraceMetadata m = r.metadata();
            assertEquals("1.0", m.get(TraceMetadata.RMM_MODEL));
            assertEquals("s.jsonl", m.get(TraceMetadata.SCRIPT));
            assertEquals(64, m.get(TraceMetadata.SCRIPT_SHA256).length());
            assertEquals(Files.readString(s), m.get(TraceMetadata.SCRIPT_SOURCE));
            assertEquals("5", m.get(TraceMetadata.SEED));
            assertEquals(Ccatrace.VERSION, m.get(TraceMetadata.SIMULATOR_VERSION));
            assertTrue(m.get(TraceMetadata.MACHINE).startsWith("{\"rmm\":\"1.0\""));
            while (r.hasNext()) {
                TraceEvent e = r.next();
                if (e.kind() == EventKind.RMI_CALL) cmds.add(e.cmd());
                if (e.kind() == EventKind.GPF) gpfs++;
            }
        }
        assertEquals(List.of("RMI_GRANULE_DELEGATE", "UNKNOWN", "RMI_GRANULE_UNDELEGATE"), cmds);
        assertEquals(1, gpfs);
    }

    /**
     * A script saved with a UTF-8 byte order mark (as Windows editors write it) runs: the mark
     * is not JSON, but RFC 8259 lets a parser ignore it, and script-format.md's line 1 is the
     * JSON object after it. Before, line 1 was "not valid JSON: Unexpected character (U+FEFF)".
     */
    @Test
    void aLeadingByteOrderMarkIsNotPartOfLineOne() throws Exception {
        Path s = dir.resolve("bom.jsonl");
        byte[] text = ("{\"op\":\"machine\",\"seed\":5}\r\n"
                + "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[\"0x1_0000\"]}\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(s, withBom);
        Path o = dir.resolve("o.jsonl");
        assertEquals(ExitCodes.OK, run("run", s.toString(), "-o", o.toString()), err.toString());
        List<String> cmds = new ArrayList<>();
        try (TraceReader r = TraceFiles.open(o)) {
            assertEquals("5", r.metadata().get(TraceMetadata.SEED));
            while (r.hasNext()) cmds.add(r.next().cmd());
        }
        assertEquals(List.of("RMI_VERSION"), cmds);
    }
}
