package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dump --format table` abbreviates long payloads; jsonl keeps them whole. */
class DumpTableTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void pageWritesAreShortInTheTableAndWholeInJsonl() throws Exception {
        Path script = dir.resolve("s.jsonl");
        Files.writeString(script, "{\"op\": \"ns_write\", \"pa\": \"0x8000_0000\", \"fill\": 171}\n"
                + "{\"op\": \"ns_write\", \"pa\": \"0x8000_1000\", \"bytes\": \"0102\"}\n");
        Path trace = dir.resolve("t.jsonl");
        run("run", "-o", trace.toString(), script.toString());
        String table = run("dump", trace.toString(), "--format", "table", "--kind", "NS_WRITE");
        String[] lines = table.strip().split("\n");
        assertEquals(3, lines.length, table);
        byte[] page = new byte[4096];
        java.util.Arrays.fill(page, (byte) 0xAB);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page));
        assertTrue(lines[1].length() < 250, lines[1]);
        assertTrue(lines[1].contains("payload=" + "ab".repeat(16) + "..."), lines[1]);
        assertTrue(lines[1].contains("4096 bytes"), lines[1]);
        assertTrue(lines[1].contains("sha256 " + sha.substring(0, 16)), lines[1]);
        assertTrue(lines[2].endsWith("payload=0102"), "short payloads stay whole: " + lines[2]);
        String jsonl = run("dump", trace.toString(), "--kind", "NS_WRITE");
        assertTrue(jsonl.contains("ab".repeat(4096)), "jsonl keeps the whole page");
    }
}
