package io.ccatrace.replay.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.replay.MachineSetup;
import io.ccatrace.replay.ScenarioTraces;
import io.ccatrace.replay.state.ShadowCodec;
import io.ccatrace.replay.state.ShadowState;
import io.ccatrace.replay.state.StateReport;
import io.ccatrace.trace.TraceMetadata;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state query from a checkpoint gives exactly the state of a query from the first row,
 * at checkpoint boundaries, next to them, at the first and last events and at random seqs;
 * checkpoint files are deterministic; stale, foreign and damaged ones are ignored with one
 * warning and the answer is still right.
 */
class CheckpointTest {
    static final long EVERY = 500;

    @TempDir
    static Path dir;
    static ScenarioTraces multi;
    static ScenarioTraces other;

    @BeforeAll
    static void record() {
        multi = ScenarioTraces.record(Scenario.MULTI_REALM, 1, 5_000);
        other = ScenarioTraces.record(Scenario.MULTI_REALM, 2, 5_000);
    }

    private static Path write(String name, ScenarioTraces t) throws IOException {
        return t.writeTo(dir.resolve(name), TraceMetadata.empty());
    }

    private static byte[] bytes(ShadowState s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ShadowCodec.write(s, new DataOutputStream(b));
        return b.toByteArray();
    }

    private static String report(StateQuery.Result q) {
        StringWriter w = new StringWriter();
        MachineConfig c = MachineSetup.config(q.metadata(), null);
        new StateReport(q.state(), c, new PrintWriter(w, true)).overview();
        return w.toString();
    }

    private static StateQuery.Result query(Path t, long at, boolean ckpt, List<String> warnings) throws IOException {
        return StateQuery.at(t, at, ckpt, warnings::add);
    }

    private static StateQuery.Result assertSameState(Path t, long at, List<String> warnings) throws IOException {
        StateQuery.Result plain = query(t, at, false, warnings);
        StateQuery.Result fast = query(t, at, true, warnings);
        assertArrayEquals(bytes(plain.state()), bytes(fast.state()), "state at seq " + at);
        assertEquals(report(plain), report(fast), "report at seq " + at);
        return fast;
    }

    @Test
    void fromACheckpointTheStateIsTheStateFromTheFirstRow() throws IOException {
        for (String ext : new String[] {"arrows", "parquet"}) {
            Path t = write("multi." + ext, multi);
            CheckpointBuilder.Result built = CheckpointBuilder.build(t, EVERY, w -> { });
            long last = multi.rows().size() - 1;
            assertEquals(last + 1, built.events());
            assertEquals((last + 1) / EVERY, built.checkpoints());
            TreeSet<Long> seqs = new TreeSet<>(List.of(0L, 1L, last - 1, last, last + 5));
            for (long k = 1; k * EVERY <= last + 1; k++) {
                for (long d = -2; d <= 1; d++) seqs.add(k * EVERY + d);
            }
            Random r = new Random(7);
            for (int i = 0; i < 10; i++) seqs.add((long) r.nextInt((int) last + 1));
            List<String> warnings = new ArrayList<>();
            for (long at : seqs) {
                StateQuery.Result fast = assertSameState(t, at, warnings);
                long expect = at + 1 >= EVERY ? Math.min(at + 1, last + 1) / EVERY * EVERY - 1 : -1;
                assertEquals(expect, fast.checkpointSeq(), ext + " checkpoint used for seq " + at);
                assertTrue(fast.rowsRead() <= EVERY + 1, ext + " rows read for seq " + at + ": " + fast.rowsRead());
            }
            assertEquals(List.of(), warnings);
            assertTrue(report(query(t, last / 2, true, warnings)).contains("realm 0x"), "the state is not empty");
        }
    }

    @Test
    void aCheckpointOnTheLastRowAnswersForTheLastRowAlone() throws IOException {
        Path t = write("last.arrows", multi);
        long n = multi.rows().size();
        assertEquals(1, CheckpointBuilder.build(t, n, w -> { }).checkpoints());
        List<String> warnings = new ArrayList<>();
        StateQuery.Result q = assertSameState(t, n - 1, warnings);
        assertEquals(n - 1, q.checkpointSeq());
        assertEquals(0, q.rowsRead());
        assertEquals(-1, query(t, n - 2, true, warnings).checkpointSeq());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theSameTraceGivesAByteIdenticalCheckpointFile() throws IOException {
        Path a = write("same-a.parquet", multi);
        Path b = write("same-b.parquet", multi);
        CheckpointBuilder.build(a, EVERY, w -> { });
        byte[] first = Files.readAllBytes(CheckpointFile.beside(a));
        CheckpointBuilder.build(a, EVERY, w -> { });
        CheckpointBuilder.build(b, EVERY, w -> { });
        assertArrayEquals(first, Files.readAllBytes(CheckpointFile.beside(a)));
        assertArrayEquals(first, Files.readAllBytes(CheckpointFile.beside(b)));
    }

    @Test
    void aCheckpointFileOfAnotherTraceIsIgnoredWithOneWarning() throws IOException {
        Path a = write("foreign-a.arrows", multi);
        Path b = write("foreign-b.arrows", other);
        CheckpointBuilder.build(a, EVERY, w -> { });
        Files.copy(CheckpointFile.beside(a), CheckpointFile.beside(b));
        List<String> warnings = new ArrayList<>();
        StateQuery.Result q = query(b, 2500, true, warnings);
        assertEquals(-1, q.checkpointSeq());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("stale or foreign checkpoint file: made for trace id"), warnings.get(0));
        assertArrayEquals(bytes(query(b, 2500, false, new ArrayList<>()).state()), bytes(q.state()));
    }

    @Test
    void aTraceReRecordedUnderTheSameIdMakesTheCheckpointFileStale() throws IOException {
        TraceMetadata id = TraceMetadata.empty().with(TraceMetadata.TRACE_ID, "fixed-id");
        Path t = multi.writeTo(dir.resolve("rerecorded.parquet"), id);
        CheckpointBuilder.build(t, EVERY, w -> { });
        other.writeTo(t, id);
        List<String> warnings = new ArrayList<>();
        StateQuery.Result q = query(t, 2000, true, warnings);
        assertEquals(-1, q.checkpointSeq());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("stale or foreign checkpoint file"), warnings.get(0));
        assertArrayEquals(bytes(query(t, 2000, false, new ArrayList<>()).state()), bytes(q.state()));
    }

    @Test
    void damagedCheckpointFilesAreIgnoredWithOneWarning() throws IOException {
        Path t = write("damaged.arrows", multi);
        Path ck = CheckpointFile.beside(t);
        CheckpointBuilder.build(t, EVERY, w -> { });
        byte[] good = Files.readAllBytes(ck);
        byte[] plain = bytes(query(t, 700, false, new ArrayList<>()).state());
        List<byte[]> damaged = new ArrayList<>();
        byte[] snapshot = good.clone();
        snapshot[12 + 20] ^= 0x40;                               // inside the first snapshot
        damaged.add(snapshot);
        byte[] directory = good.clone();
        directory[good.length - CheckpointFile.TRAILER - 3] ^= 1; // inside the directory
        damaged.add(directory);
        damaged.add(java.util.Arrays.copyOf(good, good.length - 7));
        damaged.add("not a checkpoint at all, just some text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        damaged.add(new byte[0]);
        String[] expect = {"snapshot at seq", "directory fails its CRC", "truncated", "not a ccatrace checkpoint file",
            "too short"};
        for (int i = 0; i < damaged.size(); i++) {
            Files.write(ck, damaged.get(i));
            List<String> warnings = new ArrayList<>();
            StateQuery.Result q = query(t, 700, true, warnings);
            assertEquals(-1, q.checkpointSeq(), expect[i]);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("corrupt checkpoint file") && warnings.get(0).contains(expect[i]),
                    warnings.get(0));
            assertTrue(!warnings.get(0).contains("\n"));
            // every kind of damage says how to mend it (a damaged snapshot did not before)
            assertTrue(warnings.get(0).endsWith("; ignored (rebuild it with: ccatrace checkpoint " + t + ")"), warnings.get(0));
            assertArrayEquals(plain, bytes(q.state()));
        }
    }

    @Test
    void aCheckpointWhoseRowDoesNotMatchTheTraceIsIgnored() throws IOException {
        Path t = write("rowhash.parquet", multi);
        TraceBinding binding;
        try (RowsFrom r = new RowsFrom(t, 0, w -> { })) {
            binding = TraceBinding.ofFile(t, r.metadata().get(TraceMetadata.TRACE_ID));
        }
        StateQuery.Result at499 = query(t, 499, false, new ArrayList<>());
        try (CheckpointWriter w = new CheckpointWriter(CheckpointFile.beside(t))) {
            w.add(499, 12345L, at499.state());                     // not the hash of row 500
            w.finish(binding, EVERY);
        }
        List<String> warnings = new ArrayList<>();
        StateQuery.Result q = query(t, 800, true, warnings);
        assertEquals(-1, q.checkpointSeq());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("the row at seq 500 is not the one it was made from"), warnings.get(0));
        assertArrayEquals(bytes(query(t, 800, false, new ArrayList<>()).state()), bytes(q.state()));
    }
}
