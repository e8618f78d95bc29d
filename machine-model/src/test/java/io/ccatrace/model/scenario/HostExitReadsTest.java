package io.ccatrace.model.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After every REC exit the host reads the RecRun.exit fields the Linux KVM realm host reads
 * (docs/scenarios.md, "What the host reads of RecRun.exit"; offsets from reference 9.3):
 * vgic sync (gicv3_hcr + the 16 list registers at 0xB00), handle_rec_exit's esr/far/hpfar
 * (0x900) and timers (0xC00), exit_reason (0x800, Linux's u8), then per reason gprs[0] of an
 * emulatable write abort, x0..x30 of a PSCI or host call exit, or ripas_base/top/value.
 */
class HostExitReadsTest {
    private static final int NUM_LRS = 16;

    private record Read(long offset, int len) {
    }

    @Test
    void everyExitIsFollowedByTheFieldReadsOfItsReason() {
        Recording r = new Recording(ScenarioOptions.of(Scenario.IO_STORM).withSeed(7));
        List<ModelEvent> bySeq = new ArrayList<>(r.events);
        bySeq.sort(Comparator.comparingLong(ModelEvent::seq));
        Map<Long, Long> runOfEnter = new HashMap<>();
        for (ModelEvent.RmiCall c : r.rmi("RMI_REC_ENTER")) runOfEnter.put(c.seq(), c.args()[1]);
        Set<String> seen = new java.util.TreeSet<>();
        int exits = 0;
        for (int i = 0; i < bySeq.size(); i++) {
            if (!(bySeq.get(i) instanceof ModelEvent.RecExit)) continue;
            ModelEvent.RecExit x = (ModelEvent.RecExit) bySeq.get(i);
            long run = runOfEnter.get(x.causeSeq());
            List<ModelEvent.NsRead> reads = readsAfter(bySeq, i);
            List<Read> expected = new ArrayList<>(List.of(new Read(0xB00, 8 + 8 * NUM_LRS),
                    new Read(0x900, 24), new Read(0xC00, 32), new Read(0x800, 1)));
            ModelEvent.NsRead extra = null;
            switch (x.reason()) {
                case "SYNC":
                    // ESR: EC[31:26] = 0x24 data abort, ISV bit 24, WnR bit 6
                    if (((x.esr() >>> 26) & 0x3F) == 0x24 && (x.esr() & (1L << 24)) != 0 && (x.esr() & (1L << 6)) != 0) {
                        expected.add(new Read(0xA00, 8));
                    }
                    break;
                case "PSCI":
                case "HOST_CALL":
                    expected.add(new Read(0xA00, 31 * 8));
                    break;
                case "RIPAS_CHANGE":
                    expected.add(new Read(0xD00, 17));
                    break;
                default:
                    break;
            }
            assertEquals(expected.size(), reads.size(), "reads after exit seq " + x.seq() + " (" + x.reason() + ")");
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(run + expected.get(k).offset(), reads.get(k).pa(), "read " + k + " after seq " + x.seq());
                assertEquals(expected.get(k).len(), reads.get(k).data().length, "read " + k + " after seq " + x.seq());
            }
            // the bytes are the exit's own fields
            assertEquals(reasonCode(x.reason()), reads.get(3).data()[0] & 0xFF);
            assertArrayEquals(le(x.esr(), x.far(), x.hpfar()), reads.get(1).data());
            if (x.reason().equals("RIPAS_CHANGE")) {
                byte[] b = reads.get(4).data();
                assertEquals(x.ripasBase(), ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
                assertEquals(x.ripasTop(), ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(8));
            }
            if (reads.size() == 5 && reads.get(4).pa() == run + 0xA00) {
                long gpr0 = x.gprs().length > 0 ? x.gprs()[0] : 0;
                assertEquals(gpr0, ByteBuffer.wrap(reads.get(4).data()).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
            }
            seen.add(x.reason() + (reads.size() == 5 ? "+" + reads.get(4).data().length : ""));
            exits++;
        }
        assertTrue(exits > 100, "exits: " + exits);
        // the storm has every kind of exit the table distinguishes
        assertTrue(seen.containsAll(List.of("SYNC", "SYNC+8", "IRQ", "PSCI+248", "HOST_CALL+248", "RIPAS_CHANGE+17")),
                seen.toString());
    }

    /** The NS_READ inputs right after the effects of the REC_ENTER whose exit is at index i. */
    private static List<ModelEvent.NsRead> readsAfter(List<ModelEvent> bySeq, int i) {
        Set<ModelEvent.Kind> inputs = EnumSet.of(ModelEvent.Kind.RMI_CALL, ModelEvent.Kind.NS_WRITE,
                ModelEvent.Kind.NS_READ, ModelEvent.Kind.GUEST_STEP);
        int j = i + 1;
        while (j < bySeq.size() && !inputs.contains(bySeq.get(j).kind())) j++;
        List<ModelEvent.NsRead> out = new ArrayList<>();
        while (j < bySeq.size() && bySeq.get(j) instanceof ModelEvent.NsRead) out.add((ModelEvent.NsRead) bySeq.get(j++));
        return out;
    }

    private static int reasonCode(String reason) {
        return List.of("SYNC", "IRQ", "FIQ", "PSCI", "RIPAS_CHANGE", "HOST_CALL", "SERROR").indexOf(reason);
    }

    private static byte[] le(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) b.putLong(x);
        return b.array();
    }
}
