package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunEnter;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guest steps other than memory accesses (script-format.md guest steps and execution rules;
 * reference 8.4 and 6.3): WFI/WFE, HVC, interrupts, unknown SMCs, RSI_CALL ordering.
 */
class GuestStepsTest {
    static final long EC_WFX = 0x01L << 26;

    @Test
    void trappedWfiExitsSyncWithTiZero() {
        Guest g = new Guest().activate();
        g.step(GuestStep.of(GuestStep.Op.WFI));
        RecRunExit x = g.run(RecRunEnter.TRAP_WFI, 0);
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(EC_WFX, x.esr(), "EC WFx, TI = 0 (8.4)");
        assertEquals(0, g.queued(), "PC already advanced");
    }

    @Test
    void trappedWfeExitsSyncWithTiOne() {
        Guest g = new Guest().activate();
        g.step(GuestStep.of(GuestStep.Op.WFE));
        RecRunExit x = g.run(RecRunEnter.TRAP_WFE, 0);
        assertEquals(EC_WFX | 1, x.esr());
    }

    @Test
    void untrappedWfiWaitsForAnInterrupt() {
        Guest g = new Guest().activate();
        g.step(GuestStep.of(GuestStep.Op.WFI)).step(GuestStep.of(GuestStep.Op.FIQ));
        RecRunExit x = g.run(RecRunEnter.TRAP_WFE, 0);    // only WFE trapped
        assertEquals(ExitReason.IRQ, x.reason());
        assertEquals(0, x.esr());
        assertEquals(1, g.queued(), "the FIQ step is still queued");
        assertEquals(ExitReason.FIQ, g.run().reason());
    }

    @Test
    void hvcIsHandledInsideTheRealm() {
        Guest g = new Guest().activate();
        g.step(GuestStep.hvc(3)).step(GuestStep.of(GuestStep.Op.FIQ));
        assertEquals(ExitReason.FIQ, g.run().reason(), "no exit for the HVC (6.3)");
        assertEquals(0, g.queued());
    }

    @Test
    void irqAndFiqSteps() {
        Guest g = new Guest().activate();
        g.step(GuestStep.of(GuestStep.Op.IRQ)).step(GuestStep.of(GuestStep.Op.FIQ));
        assertEquals(ExitReason.IRQ, g.run().reason());
        RecRunExit x = g.run();
        assertEquals(ExitReason.FIQ, x.reason());
        assertEquals(0, x.esr());
        assertEquals("FIQ", g.last(ModelEvent.RecExit.class).reason());
    }

    @Test
    void unknownSmcReturnsNotSupported() {
        Guest g = new Guest().activate();
        g.step(GuestStep.call(0xC40001A5L, 1, 2));          // RSI range, no command
        g.step(GuestStep.call(0x84000005L));                // PSCI range, not implemented
        g.run();
        List<ModelEvent.RsiCall> calls = g.events(ModelEvent.RsiCall.class);
        assertEquals(2, calls.size());
        assertEquals(-1, calls.get(0).ret());
        assertEquals("SMC_NOT_SUPPORTED", calls.get(0).status());
        assertEquals("UNKNOWN", calls.get(0).cmd());
        assertEquals(-1, calls.get(1).ret());
        assertEquals("PSCI_NOT_SUPPORTED", calls.get(1).status());
    }

    @Test
    void oneRsiCallPerSmcStepInExecutionOrder() {
        Guest g = new Guest().activate();
        g.call("RSI_VERSION", 0x10000).call("PSCI_VERSION").call("RSI_FEATURES", 0);
        g.run();
        List<ModelEvent.RsiCall> calls = g.events(ModelEvent.RsiCall.class);
        assertEquals(List.of("RSI_VERSION", "PSCI_VERSION", "RSI_FEATURES"),
                calls.stream().map(ModelEvent.RsiCall::cmd).toList());
        ModelEvent.RecExit exit = g.last(ModelEvent.RecExit.class);
        for (ModelEvent.RsiCall c : calls) {
            assertEquals(g.rec, c.rec());
            assertEquals(g.rd, c.realm());
            assertEquals(exit.causeSeq(), c.causeSeq(), "effects of the REC_ENTER");
        }
        assertEquals(true, calls.get(2).seq() < exit.seq());
    }
}
