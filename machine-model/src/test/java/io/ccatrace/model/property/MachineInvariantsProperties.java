package io.ccatrace.model.property;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rmi.RmmModels;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Random host/realm sequences (RMI calls of every registered command with hostile
 * arguments, NS memory accesses, guest steps with RSI/PSCI calls and memory accesses)
 * against the 1.0 model; the named invariants are checked after every operation (a single
 * call, or one short setup recipe such as "create a REC"). A failure is shrunk by jqwik to a
 * minimal sequence of operations.
 */
class MachineInvariantsProperties {
    /** The model under test; -Dccatrace.property.model=ID runs the same property on another one. */
    static final String MODEL = System.getProperty("ccatrace.property.model", RmmModels.DEFAULT);

    @Provide
    Arbitrary<List<HostOp>> sequences() {
        RmmModel model = RmmModels.byId(MODEL);
        return HostOps.any(model).list().ofMinSize(1).ofMaxSize(100)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 100, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.NONE,
            seed = "20261126")
    void invariantsHoldAfterEveryStep(@ForAll("sequences") List<HostOp> ops) {
        run(MODEL, ops);
    }

    /** Runs ops on a fresh machine of that model, checking the invariants after each op. */
    static void run(String model, List<HostOp> ops) {
        Machine m = new Machine(Pools.machine().withRmmModel(model));
        Invariants inv = new Invariants();
        int[] succeeded = new int[1];
        Set<String> reached = new TreeSet<>();
        m.addListener(e -> {
            if (e instanceof ModelEvent.RmiCall && ((ModelEvent.RmiCall) e).status().equals("RMI_SUCCESS")) {
                succeeded[0]++;
                reached.add(((ModelEvent.RmiCall) e).cmd().substring(4));
            } else if (e instanceof ModelEvent.RecExit) {
                reached.add("exit " + ((ModelEvent.RecExit) e).reason());
            } else if (e instanceof ModelEvent.Stage2Fault) {
                reached.add("fault " + ((ModelEvent.Stage2Fault) e).outcome());
            }
        });
        inv.check(m);
        for (HostOp op : ops) {
            op.apply(m);
            inv.check(m);
        }
        Statistics.label("successful RMI calls").collect(bucket(succeeded[0]));
        for (String r : reached) Statistics.label("reached").collect(r);
    }

    private static String bucket(int n) {
        return n == 0 ? "0" : n < 10 ? "1-9" : n < 40 ? "10-39" : "40+";
    }
}
