package io.ccatrace.replay.history;

import io.ccatrace.replay.divergence.Describe;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * `ccatrace history`: every event that touched one object, with what changed, in one
 * streaming pass over the trace (no model). Inputs that touch it are shown with their
 * outcome; the effects they caused on it with their from -> to.
 */
public final class History {
    private History() {
    }

    /** Prints the matching events; returns how many. */
    public static long print(TraceReader reader, Subject subject, PrintWriter out) throws IOException {
        long n = 0;
        while (reader.hasNext()) {
            TraceEvent e = reader.next();
            if (!subject.touchedBy(e)) continue;
            n++;
            out.println(line(e));
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
