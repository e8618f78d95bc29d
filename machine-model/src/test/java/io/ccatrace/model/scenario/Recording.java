package io.ccatrace.model.scenario;

import io.ccatrace.model.event.ModelEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test helper: runs a scenario keeping every event, with the invariant checker attached. */
final class Recording {
    final ScenarioRun.Result result;
    final List<ModelEvent> events = new ArrayList<>();
    final EventInvariants invariants = new EventInvariants();

    Recording(ScenarioOptions o) {
        ScenarioRun run = new ScenarioRun(o);
        run.machine().addListener(events::add);
        run.machine().addListener(invariants);
        result = run.run(Progress.NONE);
    }

    static Recording of(Scenario s) {
        return new Recording(ScenarioOptions.of(s).withSeed(7));
    }

    <T extends ModelEvent> List<T> all(Class<T> type, Predicate<T> p) {
        List<T> out = new ArrayList<>();
        for (ModelEvent e : events) {
            if (type.isInstance(e) && p.test(type.cast(e))) out.add(type.cast(e));
        }
        return out;
    }

    List<ModelEvent.RmiCall> rmi(String cmd) {
        return all(ModelEvent.RmiCall.class, c -> c.cmd().equals(cmd));
    }

    List<ModelEvent.RmiCall> rmiOk(String cmd) {
        return all(ModelEvent.RmiCall.class, c -> c.cmd().equals(cmd) && c.status().equals("RMI_SUCCESS"));
    }

    List<ModelEvent.RsiCall> rsi(String cmd) {
        return all(ModelEvent.RsiCall.class, c -> c.cmd().equals(cmd));
    }

    /** Index of the first event matching p at or after from, or -1. */
    <T extends ModelEvent> int indexOf(Class<T> type, int from, Predicate<T> p) {
        for (int i = Math.max(0, from); i < events.size(); i++) {
            ModelEvent e = events.get(i);
            if (type.isInstance(e) && p.test(type.cast(e))) return i;
        }
        return -1;
    }
}
