package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The collector's CPU in bench record's one-core figure: which threads count, and that collections show up. */
class CollectorCpuTest {
    @Test
    void theCollectorsThreadsCountAndNoOthers() {
        // HotSpot 17's thread names (comm, digits dropped by ThreadCpuSampler.group)
        for (String gc : new String[] {"GC Thread#0", "G1 Conc#0", "G1 Refine#1", "G1 Main Marker", "G1 Service", "VM Thread"}) {
            assertTrue(CollectorCpu.collector(ThreadCpuSampler.group(gc + "\n")), gc);
        }
        for (String other : new String[] {"main", "C2 CompilerThre", "C1 CompilerThre", "ccatrace-trace-", "ccatrace-direct",
                "VM Periodic Tas", "Signal Dispatch", "Common-Cleaner"}) {
            assertFalse(CollectorCpu.collector(ThreadCpuSampler.group(other + "\n")), other);
        }
    }

    @Test
    void fullCollectionsOfALiveHeapAddCollectorTime() {
        Assumptions.assumeTrue(ThreadCpuSampler.available(), "Linux /proc only");
        long before = CollectorCpu.nanos();
        List<long[]> live = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) live.add(new long[8]);   // ~20 MB the collector must trace and move
        long after = before;
        for (int i = 0; i < 400 && after == before; i++) {
            System.gc();
            after = CollectorCpu.nanos();
        }
        assertTrue(live.size() == 200_000 && after > before, "no collector CPU seen after 400 full collections: " + before + " -> " + after);
    }
}
