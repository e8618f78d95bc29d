package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void anEditBeforeTheCheckpointOfAParquetTraceIsStillReported() throws Exception {
        // docs/replay.md: the binding sees only the file's id, size and last MiB; a query that
        // skips rows through a checkpoint checks the Parquet storage digests of what it skipped.
        Path t = dir.resolve("mr.parquet");
        String[] r = ReplayCliTest.run("record", "--scenario", "multi-realm", "--seed", "1", "--events", "1100000",
                "-o", t.toString(), "--checkpoints");
        assertEquals("0", r[0], r[2]);
        long at = (1L << 20) + 100; // past the first checkpoint (2^20 rows: one row group)
        String[] before = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(at));
        assertEquals("0", before[0], before[2]);
        assertEquals("", before[2]);
        long size = Files.size(t);
        long pos;
        try (org.apache.parquet.hadoop.ParquetFileReader f = org.apache.parquet.hadoop.ParquetFileReader.open(
                new org.apache.parquet.io.LocalInputFile(t))) {
            assertTrue(f.getRowGroups().size() >= 2, "the checkpoint skips a whole row group");
            org.apache.parquet.hadoop.metadata.ColumnChunkMetaData c = f.getRowGroups().get(0).getColumns().get(1);
            pos = c.getStartingPos() + c.getTotalSize() / 2;
        }
        assertTrue(pos < size - (1 << 20), "the edit is outside the last MiB the binding covers");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(t.toFile(), "rw")) {
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0x10);
        }
        String[] after = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(at));
        assertEquals("0", after[0], after[2]);
        assertEquals(before[1], after[1], "the answer is the checkpoint's");
        assertTrue(after[2].contains("ccatrace: warning: " + t + ": integrity chain broken: an event in seq 0.."), after[2]);
        assertEquals(1, after[2].lines().count(), "one warning: " + after[2]);
    }

    @Test
    void recordWithCheckpointsWritesWhatCheckpointWrites() throws Exception {
        Path t = dir.resolve("boot.parquet");
        String[] r = ReplayCliTest.run("record", "--scenario", "boot", "--seed", "3", "-o", t.toString(),
                "--checkpoints", "--every", "64");
        assertEquals("0", r[0], r[2]);
        long n = events(r[1]);
        assertTrue(n > 128, r[1]);
        assertTrue(r[1].contains("wrote " + n / 64 + " checkpoints (every 64 events of " + n + ") to " + t + ".ckpt"), r[1]);
        byte[] recorded = Files.readAllBytes(Path.of(t + ".ckpt"));
        assertEquals("0", ReplayCliTest.run("checkpoint", t.toString(), "--every", "64")[0]);
        assertArrayEquals(recorded, Files.readAllBytes(Path.of(t + ".ckpt")));
        String[] fast = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(n - 3));
        String[] plain = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(n - 3), "--no-checkpoint");
        assertEquals(List.of("0", plain[1], ""), List.of(fast[0], fast[1], fast[2]));
        String[] zero = ReplayCliTest.run("record", "--scenario", "boot", "-o", dir.resolve("z.parquet").toString(),
                "--checkpoints", "--every", "0");
        assertEquals("2", zero[0]);
        assertEquals(1, zero[2].strip().lines().count(), zero[2]);
    }

    /**
     * A checkpoint file made for a format-1 file (the fixture the trace-format module keeps)
     * that was then converted to the current format at the same path, keeping its trace id
     * and rows, and the other way round: the binding (file size, last MiB) no longer fits,
     * so the query warns once and reads from row 0; a rebuilt file is used again.
     */
    @Test
    void aCheckpointFileOfTheSameRecordingInAnotherFormatVersionIsStale() throws Exception {
        Path old = dir.resolve("old.arrows");
        Files.copy(Path.of("..", "trace-format", "src", "test", "resources", "format1", "small.arrows"), old);
        Path current = dir.resolve("current.arrows");
        assertEquals("0", ReplayCliTest.run("convert", old.toString(), current.toString())[0]);
        Path t = dir.resolve("t.arrows");
        Path ckpt = Path.of(t + ".ckpt");
        for (Path[] pair : new Path[][] {{old, current}, {current, old}}) {
            Files.copy(pair[0], t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String[] c = ReplayCliTest.run("checkpoint", t.toString(), "--every", "16");
            assertEquals("0", c[0], c[2]);
            long n = events(c[1]);
            Files.copy(pair[1], t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            for (long at : new long[] {16, n / 2, n - 1}) {
                String[] fast = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(at));
                String[] plain = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(at), "--no-checkpoint");
                assertEquals("0", fast[0], fast[2]);
                assertEquals(plain[1], fast[1], "state at seq " + at);
                assertEquals(1, fast[2].strip().lines().count(), fast[2]);
                assertTrue(fast[2].startsWith("ccatrace: warning: " + ckpt + ": stale or foreign checkpoint file: made for a "),
                        fast[2]);
            }
            assertEquals("0", ReplayCliTest.run("checkpoint", t.toString(), "--every", "16")[0]);
            String[] rebuilt = ReplayCliTest.run("state", t.toString(), "--at", Long.toString(n - 1));
            assertEquals(List.of("0", ""), List.of(rebuilt[0], rebuilt[2]));
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
