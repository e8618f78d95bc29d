package io.ccatrace.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each named injection runs in the boot scenario without breaking invariants and shows itself. */
class InjectionTest {
    private static Recording boot(Injection i) {
        return new Recording(new ScenarioOptions(Scenario.BOOT, "1.0", 5, 0, 0, 0, 0, List.of(i)));
    }

    @ParameterizedTest
    @EnumSource(Injection.class)
    void everyInjectionKeepsTheModelConsistent(Injection i) {
        Recording r = boot(i);
        assertEquals(List.of(), r.invariants.finish());
        assertFalse(r.result.realms().get(0).stopReason() == null);
        assertEquals(i, Injection.byName(i.cliName()));
    }

    @Test
    void skipPsciCompleteIsRefusedByRecEnter() {
        // reference 4.22 rec_psci: PSCI request pending -> RMI_ERROR_REC
        Recording r = boot(Injection.SKIP_PSCI_COMPLETE);
        assertTrue(r.all(ModelEvent.RmiCall.class, c -> c.cmd().equals("RMI_REC_ENTER")
                && c.status().equals("RMI_ERROR_REC")).size() > 0);
        assertEquals(1, r.rsi("PSCI_SYSTEM_OFF").size());
    }

    @Test
    void enterAfterOffGetsErrorRealmIndexOne() {
        // reference 4.22 system_off: ERROR_REALM, index 1
        Recording r = boot(Injection.ENTER_AFTER_OFF);
        assertTrue(r.all(ModelEvent.RmiCall.class, c -> c.cmd().equals("RMI_REC_ENTER")
                && c.status().equals("RMI_ERROR_REALM") && c.index() == 1).size() > 0);
    }

    @Test
    void nsPeekIsAGranuleProtectionFault() {
        Recording r = boot(Injection.NS_PEEK);
        assertTrue(r.all(ModelEvent.Gpf.class, g -> g.pas().equals("REALM")).size() > 0);
    }

    @Test
    void leakGranuleLeavesExactlyOneGranuleDelegated() {
        Recording r = boot(Injection.LEAK_GRANULE);
        assertEquals(1, r.invariants.stillDelegated().size());
    }

    @Test
    void partialRipasMakesTheRealmAskAgainFromWhereTheHostStopped() {
        Recording r = boot(Injection.PARTIAL_RIPAS);
        List<ModelEvent.RsiCall> sets = r.rsi("RSI_IPA_STATE_SET");
        boolean resumed = false;
        for (int i = 0; i + 1 < sets.size(); i++) {
            ModelEvent.RsiCall a = sets.get(i);
            if (a.out()[0] < a.args()[1] && sets.get(i + 1).args()[0] == a.out()[0]) resumed = true;
        }
        assertTrue(resumed);
    }

    @Test
    void badRsiArgsAreRejectedWithErrorInput() {
        Recording r = boot(Injection.BAD_RSI_ARGS);
        assertTrue(r.all(ModelEvent.RsiCall.class, c -> c.status().equals("RSI_ERROR_INPUT")).size() >= 4);
    }

    @Test
    void mmioWithoutIsvGetsAnInjectedSea() {
        Recording r = boot(Injection.MMIO_NO_ISV);
        int step = r.indexOf(ModelEvent.GuestStep.class, 0, s -> !s.isv());
        assertTrue(step >= 0);
        assertTrue(r.indexOf(ModelEvent.NsWrite.class, step, w -> (w.pa() & 0xFFF) == 0
                && ScenarioTest.le(w.bytes()) == ScenarioTest.RecRunFlags.INJECT_SEA) > step);
    }
}
