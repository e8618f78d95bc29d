package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.granule.Granule;
import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.script.Action;
import io.ccatrace.model.script.Script;
import io.ccatrace.model.script.ScriptParser;
import io.ccatrace.model.script.ScriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script in sample-traces/scripts and checks each RMI call against the
 * expectation its comments state (taken from the reference, cited in the comment). The
 * i-th `rmi` line is matched with the i-th RMI_CALL event, as the contract promises.
 */
class SampleScriptsTest {
    static final Path DIR = Path.of("..", "sample-traces", "scripts");

    @TestFactory
    Stream<DynamicTest> everySampleScriptGivesTheStatusesItsCommentsExpect() throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> check(p)));
    }

    @Test
    void thereIsALifecycleAndOneScriptPerRmiCommand() throws Exception {
        assertTrue(Files.exists(DIR.resolve("lifecycle.jsonl")));
        Machine m = new Machine(io.ccatrace.model.machine.MachineConfig.defaults());
        for (var e : m.rmm().model().table().entries()) {
            String name = e.name().substring("RMI_".length()).toLowerCase(java.util.Locale.ROOT);
            assertTrue(Files.exists(DIR.resolve("rmi_" + name + ".jsonl")), "no script for "
                    + e.name());
        }
    }

    @Test
    void theLifecycleEndsWithEveryGranuleBackInTheHostsHands() throws Exception {
        Machine m = run(DIR.resolve("lifecycle.jsonl"), new ArrayList<>());
        for (Granule g : m.rmm().granules().all()) {
            assertEquals(GranuleState.UNDELEGATED, g.state(), "granule 0x"
                    + Long.toHexString(g.pa()));
        }
    }

    @Test
    void theLifecycleRealmSeesWhatTheReferenceSays() throws Exception {
        List<ModelEvent> events = new ArrayList<>();
        run(DIR.resolve("lifecycle.jsonl"), events);
        List<ModelEvent.RsiCall> rsi = new ArrayList<>();
        List<ModelEvent.RecExit> exits = new ArrayList<>();
        List<ModelEvent.Stage2Fault> faults = new ArrayList<>();
        for (ModelEvent e : events) {
            if (e instanceof ModelEvent.RsiCall) rsi.add((ModelEvent.RsiCall) e);
            if (e instanceof ModelEvent.RecExit) exits.add((ModelEvent.RecExit) e);
            if (e instanceof ModelEvent.Stage2Fault) faults.add((ModelEvent.Stage2Fault) e);
        }
        // 8.4: a fully applied RAM request completes with x1 = top and x2 = ACCEPT (0)
        ModelEvent.RsiCall ripas = rsi.stream().filter(c -> c.cmd().equals("RSI_IPA_STATE_SET"))
                .findFirst().orElseThrow();
        assertEquals("RSI_SUCCESS", ripas.status());
        assertEquals(0x12000L, ripas.out()[0]);
        assertEquals(0L, ripas.out()[1]);
        // 8.2: a read of a protected UNASSIGNED EMPTY IPA is answered with an SEA, no exit
        assertTrue(faults.stream().anyMatch(f -> f.ipa() == 0x20000 && f.outcome().equals("SEA_INJECTED")
                && f.half().equals("PROTECTED")), faults.toString());
        // 8.3: the emulatable MMIO read exits with HPFAR = IPA >> 8 and FAR = page offset
        long mmio = (1L << 39) | 0x100_0000;
        assertTrue(exits.stream().anyMatch(x -> x.reason().equals("SYNC") && x.hpfar() == mmio >>> 8
                && x.far() == 0), "no MMIO exit");
        // 6.2: the host call exit carries the immediate
        assertTrue(exits.stream().anyMatch(x -> x.reason().equals("HOST_CALL") && x.imm() == 7));
        // 5: CPU_ON completed with SUCCESS by the host gives the caller PSCI_SUCCESS
        assertTrue(rsi.stream().anyMatch(c -> c.cmd().equals("PSCI_CPU_ON")
                && c.status().equals("PSCI_SUCCESS")), rsi.toString());
        // 6.3: SYSTEM_OFF takes the realm to SYSTEM_OFF
        assertTrue(events.stream().anyMatch(e -> e instanceof ModelEvent.RealmState
                && ((ModelEvent.RealmState) e).to().equals("SYSTEM_OFF")));
    }

    private static Machine run(Path p, List<ModelEvent> events) throws Exception {
        Script script = new ScriptParser().parse(p);
        return ScriptRunner.run(script, events::add);
    }

    private static void check(Path p) throws Exception {
        String text = Files.readString(p);
        ScriptExpectations expect = ScriptExpectations.read(text);
        Script script = new ScriptParser().parse(text);
        List<ModelEvent> events = new ArrayList<>();
        ScriptRunner.run(script, events::add);
        List<ModelEvent.RmiCall> calls = new ArrayList<>();
        for (ModelEvent e : events) {
            if (e instanceof ModelEvent.RmiCall) calls.add((ModelEvent.RmiCall) e);
        }
        List<Action.Rmi> lines = script.rmiCalls();
        assertEquals(lines.size(), calls.size(), "one RMI_CALL per rmi line");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = lines.get(i).line();
            ScriptExpectations.Expect x = expect.byLine().get(line);
            String got = describe(calls.get(i), events, x);
            String want = want(x);
            if (!got.equals(want)) {
                problems.add("line " + line + " (" + calls.get(i).cmd() + ", " + x.text()
                        + "): expected " + want + ", got " + got);
            }
        }
        if (!problems.isEmpty()) {
            fail(p.getFileName() + ": " + problems.size() + " call(s) differ from the "
                    + "reference expectations:\n  " + String.join("\n  ", problems));
        }
    }

    private static String want(ScriptExpectations.Expect x) {
        StringBuilder b = new StringBuilder(x.status()).append(' ').append(x.index());
        for (Map.Entry<Integer, Long> o : x.outputs().entrySet()) {
            b.append(" x").append(o.getKey()).append("=0x").append(Long.toHexString(o.getValue()));
        }
        if (x.exit() != null) b.append(" exit=").append(x.exit());
        return b.toString();
    }

    /** The call's result in the same words, limited to what the expectation looks at. */
    private static String describe(ModelEvent.RmiCall c, List<ModelEvent> events,
                                   ScriptExpectations.Expect x) {
        StringBuilder b = new StringBuilder(c.status()).append(' ').append(c.index());
        for (Integer reg : x.outputs().keySet()) {
            long[] out = c.out();
            b.append(" x").append(reg).append('=').append(reg <= out.length
                    ? "0x" + Long.toHexString(out[reg - 1]) : "(none)");
        }
        if (x.exit() != null) {
            List<String> exits = new ArrayList<>();
            for (ModelEvent e : events) {
                if (e instanceof ModelEvent.RecExit && ((ModelEvent.RecExit) e).causeSeq() == c.seq()) {
                    exits.add(((ModelEvent.RecExit) e).reason());
                }
            }
            b.append(" exit=").append(exits.size() == 1 ? exits.get(0) : exits.toString());
        }
        return b.toString();
    }
}
