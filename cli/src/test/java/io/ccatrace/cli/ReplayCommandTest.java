package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.recorder.Recorder;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final long FEATURES = 0xC4000165L;
    private static final long DELEGATE = 0xC4000151L;

    @TempDir
    Path dir;

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ccatrace.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** A short trace recorded on the 1.0 model: delegations and an RMI_FEATURES(0) at seq 4. */
    Path record() throws Exception {
        return recordIn(dir);
    }

    /** {@link #record()} into another directory. */
    Path recordIn(Path into) throws Exception {
        Path p = into.resolve("t.jsonl");
        MachineConfig c = MachineConfig.defaults();
        Machine m = new Machine(c);
        TraceMetadata meta = TraceMetadata.empty().with(TraceMetadata.MACHINE, MachineJson.toJson(c))
                .with(TraceMetadata.RMM_MODEL, c.rmmModel());
        try (Recorder r = new Recorder(TraceFiles.create(p, meta))) {
            m.addListener(r);
            m.rmi(0, DELEGATE, 0x8000_0000L);
            m.rmi(0, DELEGATE, 0x8000_1000L);
            m.rmi(0, FEATURES, 0);
        }
        return p;
    }

    /** A limit beyond 2^31 is a limit (a long trace can have more divergences); before, "is not an int", exit 2. */
    @Test
    void aHugeDivergenceLimitIsALimit() throws Exception {
        Path t = record();
        String[] r = run("replay", t.toString(), "--rmm", "1.0-eac5", "--max-divergences", "99999999999");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[1].contains("1 divergence by command and field"), r[1]);
        assertEquals("", r[2]);
    }

    @Test
    void replayOfAnUnchangedTraceExitsZero() throws Exception {
        String[] r = run("replay", record().toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("no divergence"), r[1]);
    }

    @Test
    void replayOnEac5NamesTheFeat0Difference() throws Exception {
        Path t = record();
        String[] r = run("replay", t.toString(), "--rmm", "1.0-eac5");
        assertEquals("1", r[0], r[2]);
        // RMI_FEATURES is the third input: seqs 0..1 and 2..3 are the delegations + effects
        assertTrue(r[1].contains("divergence at seq 6: RMI_FEATURES x1"), r[1]);
        assertTrue(r[1].contains("reproduce: ccatrace replay " + t + " --rmm 1.0-eac5 --until 6"), r[1]);
        assertTrue(r[1].contains("1 divergence by command and field"), r[1]);
    }

    @Test
    void jsonReportHasTheSummary() throws Exception {
        String[] r = run("replay", record().toString(), "--rmm", "1.0-eac5", "--json");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[1].contains("\"summary\":{\"RMI_FEATURES\":{\"x1\":1}}"), r[1]);
    }

    @Test
    void unknownModelIsBadInput() throws Exception {
        String[] r = run("replay", record().toString(), "--rmm", "9.9");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("ccatrace: ") && r[2].contains("unknown RMM model '9.9'"), r[2]);
        assertEquals(1, r[2].strip().lines().count());
    }

    @Test
    void missingTraceIsBadInput() {
        String[] r = run("replay", dir.resolve("none.jsonl").toString());
        assertEquals("2", r[0]);
    }

    @Test
    void modelsListsOneLineEach() {
        String[] r = run("models");
        assertEquals("0", r[0]);
        List<String> lines = r[1].lines().toList();
        assertTrue(lines.get(0).startsWith("1.0 "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1.0-eac5 ")));
        assertTrue(lines.stream().filter(l -> l.contains("seeded bug")).count() >= 6);
        assertTrue(Files.exists(dir));
    }
}
