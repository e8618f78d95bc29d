package io.ccatrace.replay.history;

import io.ccatrace.replay.divergence.Describe;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * `ccatrace history`: every event that touched one object, with what changed, in one
 * streaming pass over the trace (no model). Inputs that touch it are shown with their
 * outcome; the effects they caused on it with their from -> to. Reads through the row
 * cursor (a row object only for the events printed). Checkpoints cannot shorten it: any
 * row of the trace may touch the object, and a checkpoint holds state, not the events that
 * made it (docs/replay.md).
 */
public final class History {
    private History() {
    }

    /** Prints the matching events; returns how many. */
    public static long print(TraceCursor rows, Subject subject, PrintWriter out) throws IOException {
        return print(rows, subject, null, out);
    }

    /** Prints the matching events of one realm (realm null: of every realm); returns how many. */
    public static long print(TraceCursor rows, Subject subject, RealmFilter realm, PrintWriter out) throws IOException {
        long n = 0;
        while (rows.next()) {
            boolean mine = realm == null || realm.keeps(rows);
            if (!mine || !subject.touchedBy(rows)) continue;
            n++;
            out.println(line(rows.toEvent()));
        }
        return n;
    }

    static String line(TraceEvent e) {
        StringBuilder s = new StringBuilder("seq ").append(e.seq());
        if (e.causeSeq() != TraceEvent.NULL) s.append(" (by ").append(e.causeSeq()).append(')');
        s.append("  ");
        if (e.isInput()) {
            s.append(Describe.input(e));
            if (e.status() != null) s.append(" -> ").append(e.status());
            return s.toString();
        }
        s.append(e.kind());
        if (e.from() != null || e.to() != null) {
            s.append(' ').append(state(e.from(), e.fromRipas())).append(" -> ").append(state(e.to(), e.toRipas()));
        }
        s.append("   ").append(Describe.effect(e).substring(e.kind().name().length()).trim());
        return s.toString();
    }

    private static String state(String st, String ripas) {
        if (st == null) return "(none)";
        return ripas == null ? st : st + "/" + ripas;
    }
}
