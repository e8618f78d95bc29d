package io.ccatrace.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
    private final List<ModelEvent> events = new ArrayList<>();

    private Machine run(String... lines) throws ScriptException {
        return ScriptRunner.run(new ScriptParser().parse(String.join("\n", lines)), events::add);
    }

    private List<ModelEvent> of(ModelEvent.Kind k) {
        return events.stream().filter(e -> e.kind() == k).toList();
    }

    @Test
    void theIthRmiLineIsTheIthRmiCallEvent() throws Exception {
        run("{\"op\":\"machine\",\"cpus\":2}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x8000_1000\"]}",
                "{\"op\":\"ns_write\",\"pa\":\"0x80002000\",\"fill\":1}",
                "{\"op\":\"rmi\",\"fid\":\"0xC4000156\",\"args\":[1,2],\"cpu\":1}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_UNDELEGATE\",\"args\":[\"0x8000_1000\"]}");
        List<ModelEvent> calls = of(ModelEvent.Kind.RMI_CALL);
        assertEquals(3, calls.size());
        ModelEvent.RmiCall c0 = (ModelEvent.RmiCall) calls.get(0);
        assertEquals("RMI_GRANULE_DELEGATE", c0.cmd());
        assertEquals("RMI_SUCCESS", c0.status());
        // reference 1.1: a function number with no command still reaches the RMM
        ModelEvent.RmiCall c1 = (ModelEvent.RmiCall) calls.get(1);
        assertEquals("UNKNOWN", c1.cmd());
        assertEquals(0xC4000156L, c1.fid());
        assertEquals(1, c1.cpu());
        assertArrayEquals(new long[] {1, 2}, c1.args());
        assertEquals("RMI_GRANULE_UNDELEGATE", ((ModelEvent.RmiCall) calls.get(2)).cmd());
        assertEquals(1, of(ModelEvent.Kind.NS_WRITE).size());
    }

    @Test
    void aWriteToARealmGranuleIsAGpfNotAnError() throws Exception {
        Machine m = run("{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x8000_1000\"]}",
                "{\"op\":\"ns_write\",\"pa\":\"0x80001010\",\"bytes\":\"ff\"}",
                "{\"op\":\"ns_read\",\"pa\":\"0x80001000\",\"len\":8}");
        List<ModelEvent> gpfs = of(ModelEvent.Kind.GPF);
        assertEquals(2, gpfs.size());
        ModelEvent.Gpf g = (ModelEvent.Gpf) gpfs.get(0);
        assertEquals(0x80001010L, g.pa());
        assertEquals("WRITE", g.access());
        assertEquals("READ", ((ModelEvent.Gpf) gpfs.get(1)).access());
        // nothing was written into the delegated granule
        assertEquals(0, m.memory().read(0x80001010L, 1)[0]);
    }

    @Test
    void realmStepsAreQueuedAsGuestStepInputs() throws Exception {
        Machine m = run("{\"op\":\"realm\",\"rec\":\"0x80005000\",\"steps\":[{\"read\":\"0x1000\"},"
                + "{\"wfi\":true}]}");
        assertEquals(2, of(ModelEvent.Kind.GUEST_STEP).size());
        assertEquals(2, m.rmm().guest().size(0x80005000L));
    }
}
