package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSONL form of script-format.md's "Dump" section: written, and read back. */
class JsonlFormTest {
    @TempDir
    Path dir;

    @Test
    void writesTheDumpContractFields() throws IOException {
        Path p = dir.resolve("t.jsonl");
        try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty())) {
            w.write(TraceEvent.builder(0, EventKind.RMI_CALL).cpu(0).fid(0xC4000153L)
                    .cmd("RMI_DATA_CREATE").args(new long[] {0x88000000L, -1L})
                    .status("RMI_ERROR_RTT").index(2).out(new long[0]).build());
            w.write(TraceEvent.builder(1, EventKind.RSI_CALL).causeSeq(0).rec(0x88001000L)
                    .cmd("RSI_VERSION").fid(0xC4000190L).args(new long[] {0x10000L})
                    .status("RSI_SUCCESS").value(0).out(new long[] {0x10000L}).build());
        }
        List<String> lines = Files.readAllLines(p);
        // script-format.md, Dump: seq, kind, hex strings "0x.." lower case, index integer.
        String rmi = lines.get(1);
        assertTrue(rmi.startsWith("{\"seq\":0,\"kind\":\"RMI_CALL\""), rmi);
        assertTrue(rmi.contains("\"fid\":\"0xc4000153\""), rmi);
        assertTrue(rmi.contains("\"args\":[\"0x88000000\",\"0xffffffffffffffff\"]"), rmi);
        assertTrue(rmi.contains("\"status\":\"RMI_ERROR_RTT\""), rmi);
        assertTrue(rmi.contains("\"index\":2"), rmi);
        assertTrue(rmi.contains("\"out\":[]"), rmi);
        // RSI_CALL: x0 as received is "ret".
        String rsi = lines.get(2);
        assertTrue(rsi.contains("\"ret\":\"0x0\""), rsi);
        assertTrue(rsi.contains("\"rec\":\"0x88001000\""), rsi);
    }

    @Test
    void readsAPlainDumpWithoutMetadataLines() throws IOException {
        Path p = dir.resolve("d.jsonl");
        Files.writeString(p, "{\"seq\":0,\"kind\":\"RMI_CALL\",\"cpu\":0,\"cmd\":\"RMI_VERSION\","
                + "\"fid\":\"0xC400_0150\",\"args\":[\"0x10000\"],\"status\":\"RMI_SUCCESS\",\"index\":0,"
                + "\"out\":[\"0x10000\",\"65536\"],\"tool\":\"other\"}\n"
                + "{\"seq\":\"1\",\"kind\":\"GRANULE_STATE\",\"pa\":\"0x88000000\",\"from\":\"UNDELEGATED\","
                + "\"to\":\"DELEGATED\",\"cause_seq\":0}\n");
        List<String> warnings = new ArrayList<>();
        List<TraceEvent> back = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, warnings::add)) {
            while (r.hasNext()) back.add(r.next());
            assertNull(r.chainBreak());
        }
        assertEquals(List.of(), warnings);
        assertEquals(2, back.size());
        assertEquals(0xC4000150L, back.get(0).fid());
        assertEquals(0x10000L, back.get(0).out()[1]);
        assertEquals(EventKind.GRANULE_STATE, back.get(1).kind());
        assertEquals(0, back.get(1).causeSeq());
        assertEquals(TraceEvent.NULL_INT, back.get(1).cpu());
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        Path p = dir.resolve("bad.jsonl");
        Files.writeString(p, "{\"seq\":0,\"kind\":\"RMI_CALL\"}\n{\"seq\":1,\"kind\":\"NOPE\"}\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceFiles.open(p, w -> { })) {
                while (r.hasNext()) r.next();
            }
        });
        assertEquals(p + ": line 2: unknown kind \"NOPE\"", e.getMessage());
    }
}
