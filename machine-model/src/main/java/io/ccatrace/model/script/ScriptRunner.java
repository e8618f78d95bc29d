package io.ccatrace.model.script;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.machine.Machine;

/**
 * Executes a validated {@link Script} against a machine, action by action in file order.
 * Host faults (a GPF on an NS write, an RMI error status) are events, not failures: a
 * validated script always runs to its end.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /** The machine the script's `machine` action describes. */
    public static Machine build(Script script) {
        return new Machine(script.machine());
    }

    /** Builds the machine, attaches the listeners, runs every action; returns the machine. */
    public static Machine run(Script script, EventListener... listeners) {
        Machine m = build(script);
        for (EventListener l : listeners) m.addListener(l);
        run(m, script);
        return m;
    }

    /** Runs the script's actions on an already built machine. */
    public static void run(Machine m, Script script) {
        for (Action a : script.actions()) execute(m, a);
    }

    /** Executes one action. */
    public static void execute(Machine m, Action a) {
        if (a instanceof Action.Rmi) {
            Action.Rmi r = (Action.Rmi) a;
            m.rmi(r.cpu(), r.fid(), r.args());
        } else if (a instanceof Action.NsWrite) {
            Action.NsWrite w = (Action.NsWrite) a;
            m.nsWrite(w.cpu(), w.pa(), w.bytes());
        } else if (a instanceof Action.NsRead) {
            Action.NsRead r = (Action.NsRead) a;
            m.nsRead(r.cpu(), r.pa(), r.len());
        } else if (a instanceof Action.Realm) {
            Action.Realm r = (Action.Realm) a;
            for (GuestStep s : r.steps()) m.queueStep(r.rec(), s);
        } else {
            throw new IllegalStateException("unhandled action " + a);
        }
    }
}
