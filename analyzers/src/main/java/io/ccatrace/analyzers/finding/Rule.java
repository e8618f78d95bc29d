package io.ccatrace.analyzers.finding;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.rmi.RmiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.Set;

/**
 * One security rule. The engine calls {@link #check} for every event of the kinds the rule
 * asks for, before the shadow state applies that event, so the rule sees the state the
 * event changes. Rules keep their own small state when they need to look across events.
 * When {@link #check} runs, {@code s.row} holds the row's kind and decoded names.
 */
public interface Rule {
    /** Stable id used by --rule and in reports. */
    String id();

    /** One line: what the rule catches. */
    String title();

    /** The reference sections the rule enforces. */
    String specRef();

    Set<EventKind> kinds();

    void check(EventView e, Shadow s, FindingSink out);

    /**
     * For RMI_CALL rows (when {@link #kinds} has RMI_CALL): whether the rule judges calls of
     * command c. The engine does not call {@link #check} for the other commands, so this
     * must say true for every command whose rows the rule looks at. Default: every command.
     */
    default boolean judgesCall(RmiCommand c) {
        return true;
    }

    /** Called once after the last event. */
    default void finish(Shadow s, FindingSink out) {
    }
}
