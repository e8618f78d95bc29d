package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ccatrace checkpoint` and `state` with checkpoints, end to end: answers and exit codes. */
class CheckpointCliTest {
    @TempDir
    Path dir;

    private Path lifecycle(String ext) {
        Path t = dir.resolve("lc." + ext);
        String[] r = ReplayCliTest.run("run", SampleScriptsTest.DIR.resolve("lifecycle.jsonl").toString(), "-o", t.toString());
        assertEquals("0", r[0], r[2]);
        return t;
    }

    private static long events(String checkpointOutput) {
        return Long.parseLong(checkpointOutput.replaceAll("(?s).* events of (\\d+)\\).*", "$1"));
    }

    @Test
    void stateWithCheckpointsPrintsWhatStateWithoutThemPrints() {
        Path t = lifecycle("arrows");
        String[] c = ReplayCliTest.run("checkpoint", t.toString(), "--every", "16");
        assertEquals("0", c[0], c[2]);
        long n = events(c[1]);
        assertTrue(c[1].startsWith("wrote " + n / 16 + " checkpoints (every 16 events of " + n + ") to " + t + ".ckpt"), c[1]);
        assertTrue(Files.isRegularFile(Path.of(t + ".ckpt")));
        List<Long> seqs = new ArrayList<>(List.of(0L, 14L, 15L, 16L, 17L, 31L, 32L, n / 2, n - 2, n - 1));
        for (long at : seqs) {
            for (String[] what : new String[][] {{}, {"--ipa", "0x1000"}, {"--pa", "0x88000000"}}) {
                List<String> args = new ArrayList<>(List.of("state", t.toString(), "--at", Long.toString(at)));
                args.addAll(List.of(what));
                String[] fast = ReplayCliTest.run(args.toArray(new String[0]));
                args.add("--no-checkpoint");
                String[] plain = ReplayCliTest.run(args.toArray(new String[0]));
                assertEquals(plain[0], fast[0], "exit code at seq " + at + " " + List.of(what));
                assertEquals(plain[1], fast[1], "state at seq " + at + " " + List.of(what));
                assertEquals(plain[2], fast[2], "stderr at seq " + at + " " + List.of(what));
            }
        }
    }

    @Test
    void aDamagedCheckpointFileIsOneWarningAndTheSameAnswer() throws Exception {
        Path t = lifecycle("parquet");
        assertEquals("0", ReplayCliTest.run("checkpoint", t.toString(), "--every", "10")[0]);
        Files.writeString(Path.of(t + ".ckpt"), "garbage");
        String[] fast = ReplayCliTest.run("state", t.toString(), "--at", "40");
        String[] plain = ReplayCliTest.run("state", t.toString(), "--at", "40", "--no-checkpoint");
        assertEquals("0", fast[0], fast[2]);
        assertEquals(plain[1], fast[1]);
        assertEquals(1, fast[2].strip().lines().count(), fast[2]);
        assertTrue(fast[2].startsWith("ccatrace: warning: " + t + ".ckpt: corrupt checkpoint file"), fast[2]);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String[] missing = ReplayCliTest.run("checkpoint", dir.resolve("nope.arrows").toString());
        assertEquals("2", missing[0]);
        assertEquals(1, missing[2].strip().lines().count(), missing[2]);
        Path t = lifecycle("jsonl");
        String[] zero = ReplayCliTest.run("checkpoint", t.toString(), "--every", "0");
        assertEquals("2", zero[0]);
        assertEquals(1, zero[2].strip().lines().count(), zero[2]);
        // one status edited in the trace file itself: the integrity chain breaks, no checkpoints
        List<String> lines = new ArrayList<>(Files.readAllLines(t));
        int edited = -1;
        for (int i = 0; i < lines.size() && edited < 0; i++) {
            if (lines.get(i).contains("\"status\":\"RMI_SUCCESS\"")) {
                lines.set(i, lines.get(i).replace("\"status\":\"RMI_SUCCESS\"", "\"status\":\"RMI_ERROR_INPUT\""));
                edited = i;
            }
        }
        assertTrue(edited >= 0);
        Files.write(t, lines);
        String[] broken = ReplayCliTest.run("checkpoint", t.toString(), "--every", "10");
        assertEquals("2", broken[0], broken[1] + broken[2]);
        assertTrue(broken[2].contains("integrity chain broken"), broken[2]);
        assertTrue(broken[2].contains("no checkpoints written"), broken[2]);
        assertTrue(!Files.exists(Path.of(t + ".ckpt")));
    }
}
