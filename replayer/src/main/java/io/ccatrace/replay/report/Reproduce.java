package io.ccatrace.replay.report;

import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.nio.file.Path;

/**
 * The exact ccatrace commands that reproduce a divergence (replay up to it) and show the
 * state there (the object the first difference is about).
 */
public final class Reproduce {
    private Reproduce() {
    }

    public static String replay(String trace, String rmm, Divergence d) {
        return "ccatrace replay " + path(trace) + (rmm == null ? "" : " --rmm " + rmm)
                + " --until " + d.seq();
    }

    public static String state(String trace, Divergence d) {
        return "ccatrace state " + path(trace) + " --at " + d.seq() + subject(d);
    }

    /**
     * The state option naming what the divergence is about: the effect that differs, else the
     * first missing or extra effect (an input's register that differs with effects missing,
     * as DATA_DESTROY's x2 with its RTT_ENTRY, is about that entry: before, the state line
     * named the RD granule, x1, which shows nothing of it), else the input's operand.
     */
    static String subject(Divergence d) {
        TraceEvent e = d.at();
        if (e == null || e == d.input()) e = firstEffect(d);
        if (e != null && e != d.input()) {
            if (e.kind() == EventKind.RTT_ENTRY || e.kind() == EventKind.STAGE2_FAULT) {
                return " --realm " + hex(e.realm()) + " --ipa " + hex(e.ipa());
            }
            if (e.rec() != TraceEvent.NULL) return " --rec " + hex(e.rec());
            if (e.pa() != TraceEvent.NULL) return " --pa " + hex(e.pa());
            if (e.realm() != TraceEvent.NULL) return " --realm " + hex(e.realm());
        }
        TraceEvent in = d.input();
        if (in == null) return "";
        if (in.kind() == EventKind.GUEST_STEP) return " --rec " + hex(in.rec());
        if (in.kind() == EventKind.RMI_CALL && in.args() != null && in.args().length > 0
                && in.args()[0] != 0 && (in.args()[0] & 0xFFF) == 0) {
            return " --pa " + hex(in.args()[0]);   // x1 names a granule for most commands
        }
        if (in.pa() != TraceEvent.NULL) return " --pa " + hex(in.pa());
        return "";
    }

    private static TraceEvent firstEffect(Divergence d) {
        if (!d.missing().isEmpty()) return d.missing().get(0);
        return d.extra().isEmpty() ? null : d.extra().get(0);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /**
     * A trace as a command names it: absolute, so that the command works from any directory
     * (before session 26 the path as given, so `replay t.arrows` printed commands that failed
     * with "no such trace file" anywhere but t.arrows's directory), quoted for a POSIX shell.
     */
    public static String path(String trace) {
        return quote(Path.of(trace).toAbsolutePath().normalize().toString());
    }

    public static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
