package io.ccatrace.model.script;

import io.ccatrace.model.machine.MachineConfig;
import java.util.List;

/**
 * A whole validated action script: the machine it configures and the actions that follow,
 * in file order. Only {@link ScriptParser} makes these, so a Script always runs.
 */
public record Script(MachineConfig machine, List<Action> actions) {
    public Script {
        actions = List.copyOf(actions);
    }

    /** The RMI actions in order: the i-th produces the i-th RMI_CALL event. */
    public List<Action.Rmi> rmiCalls() {
        return actions.stream().filter(a -> a instanceof Action.Rmi).map(a -> (Action.Rmi) a)
                .toList();
    }
}
