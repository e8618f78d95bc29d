package io.ccatrace.replay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state command of a divergence shows the object the difference is about. A register of
 * the input that differs while effects are missing (DATA_DESTROY on
 * 1.0-bug-destroy-keeps-mapping: x2, the top, and the RTT_ENTRY that unmaps the IPA) is
 * about the missing entry: the RTT walk of its IPA (reference 4.13: x1 rd, x2 ipa). Before,
 * the state line named x1 as a granule ("--pa RD"), which shows the RD's granule state only.
 */
class ReproduceTest {
    private static final long RD = 0x81000000L;
    private static final long IPA = 0x80300000L;

    private static TraceEvent destroy() {
        return TraceEvent.builder(953, EventKind.RMI_CALL).time(1).cpu(0).cmd("RMI_DATA_DESTROY").fid(0xC4000155L)
                .args(new long[] {RD, IPA}).status("RMI_SUCCESS").index(0).out(new long[] {0x81040000L, IPA + 0x1000}).build();
    }

    private static TraceEvent unmap() {
        return TraceEvent.builder(955, EventKind.RTT_ENTRY).time(1).causeSeq(953).realm(RD).ipa(IPA).level(3)
                .from("ASSIGNED").to("UNASSIGNED").fromRipas("RAM").toRipas("DESTROYED").build();
    }

    @Test
    void aRegisterThatDiffersWithAMissingEffectShowsThatEffectsObject() {
        TraceEvent in = destroy();
        Divergence d = new Divergence(953, in, in, "x2", "0x80301000", "0x80300000", List.of(unmap()), List.of());
        assertEquals("ccatrace state /traces/t.arrows --at 953 --realm 0x81000000 --ipa 0x80300000",
                Reproduce.state("/traces/t.arrows", d));
    }

    @Test
    void aRegisterThatDiffersAloneShowsTheInputsGranule() {
        TraceEvent in = destroy();
        Divergence d = new Divergence(953, in, in, "status", "RMI_SUCCESS", "RMI_ERROR_RTT", List.of(), List.of());
        assertEquals("ccatrace state /traces/t.arrows --at 953 --pa 0x81000000", Reproduce.state("/traces/t.arrows", d));
    }

    /** The commands name the trace by its absolute path, quoted, so they work from any directory. */
    @Test
    void theCommandsWorkFromAnyDirectory() {
        TraceEvent in = destroy();
        Divergence d = new Divergence(953, in, in, "status", "RMI_SUCCESS", "RMI_ERROR_RTT", List.of(), List.of());
        String here = java.nio.file.Path.of("").toAbsolutePath().toString();
        assertEquals("ccatrace replay " + Reproduce.quote(here + "/t.arrows") + " --rmm 1.0-eac5 --until 953",
                Reproduce.replay("t.arrows", "1.0-eac5", d));
        assertEquals("ccatrace state " + Reproduce.quote(here + "/a b/t.arrows") + " --at 953 --pa 0x81000000",
                Reproduce.state("a b/../a b/./t.arrows", d));
        assertEquals("ccatrace state '/x/it'\\''s here.arrows' --at 953 --pa 0x81000000", Reproduce.state("/x/it's here.arrows", d));
    }
}
