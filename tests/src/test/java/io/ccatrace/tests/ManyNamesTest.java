package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stats and report over an imported trace with 20,000 distinct command and status names (the
 * format leaves names open: a log of another RMM, a fuzzer's dump). Their pair counts were a
 * square array sized by the largest name id: 20,000 names wanted gigabytes and both commands
 * died with OutOfMemoryError and a JVM stack trace (exit 1).
 */
class ManyNamesTest {
    static final int NAMES = 20_000;

    @TempDir
    Path dir;

    /** Exit code, stdout, stderr of one command line run in-process. */
    static String[] run(String... args) {
        return ManyRealmsTest.run(args);
    }

    @Test
    void everyCommandStatusPairIsCountedOnce() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            lines.add("{\"seq\":" + i + ",\"kind\":\"RMI_CALL\",\"time\":" + i + ",\"cpu\":0,\"cmd\":\"CMD_" + i
                    + "\",\"fid\":\"0x" + Long.toHexString(0xC400_0400L + i) + "\",\"args\":[],\"status\":\"ST_" + i
                    + "\",\"index\":0,\"out\":[]}");
        }
        Path dump = dir.resolve("names.jsonl");
        Files.write(dump, lines);
        Path trace = dir.resolve("names.arrows");
        String[] i = run("import", dump.toString(), "-o", trace.toString());
        assertEquals("0", i[0], i[2]);

        String[] s = run("stats", trace.toString(), "--csv");
        assertEquals("0", s[0], s[2]);
        for (int k : new int[] {0, 1, NAMES / 2, NAMES - 1}) {
            assertEquals(1, s[1].lines().filter(l -> l.equals("rmi,CMD_" + k + ",ST_" + k + ",1")).count(),
                    "CMD_" + k + " ST_" + k);
        }
        assertEquals(NAMES, s[1].lines().filter(l -> l.startsWith("rmi,")).count());

        String[] r = run("report", trace.toString(), "-o", dir.resolve("r.html").toString());
        assertEquals("0", r[0], r[2]);
    }
}
