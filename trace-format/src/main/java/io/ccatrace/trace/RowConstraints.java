package io.ccatrace.trace;

import java.util.Set;

/**
 * The per-row constraints docs/trace-format.md states for the columns ("Columns" and "Rows"
 * tables), checked row by row in file order: what `ccatrace import` refuses, so that a trace
 * it writes holds only rows a recorder could have written. Values the format leaves open
 * (command, status and state names, registers, addresses) are not judged here; the analyzers
 * and the replayer judge them against the model.
 */
public final class RowConstraints {
    private static final Set<String> RIPAS = Set.of("EMPTY", "RAM", "DESTROYED");
    private static final Set<String> PAS = Set.of("NS", "REALM", "SECURE", "ROOT");
    private static final Set<String> EXIT_REASONS = Set.of("SYNC", "IRQ", "FIQ", "PSCI", "RIPAS_CHANGE", "HOST_CALL", "SERROR");
    private static final Set<String> ACCESS = Set.of("READ", "WRITE", "EXEC");
    private static final Set<String> HALF = Set.of("PROTECTED", "UNPROTECTED");
    private static final Set<String> OUTCOMES = Set.of("EXIT_TO_HOST", "SEA_INJECTED", "NO_PROGRESS");

    private long lastTime = Long.MIN_VALUE;

    /** What the row breaks (one phrase naming the column), or null; rows must come in file order. */
    public String violation(EventView e) {
        String bad = scalars(e);
        if (bad == null) bad = names(e);
        lastTime = e.time();
        return bad;
    }

    private String scalars(EventView e) {
        if (e.time() < 0) return "time " + e.time() + " is negative (simulated ns since machine start)";
        if (e.time() < lastTime) return "time " + e.time() + " is before the previous event's " + lastTime + " (time never decreases)";
        if (e.isInput() && e.causeSeq() != TraceEvent.NULL) return "cause_seq on an input (" + e.kind() + "): effects only";
        if (!e.isInput() && e.causeSeq() == TraceEvent.NULL) return e.kind() + " without cause_seq (every effect names its input)";
        if (e.causeSeq() != TraceEvent.NULL && (e.causeSeq() < 0 || e.causeSeq() >= e.seq())) {
            return "cause_seq " + e.causeSeq() + " is not an earlier seq";
        }
        if (e.cpu() != TraceEvent.NULL_INT && e.cpu() < 0) return "cpu " + e.cpu() + " is negative";
        if (e.kind() == EventKind.MEASUREMENT && (e.index() < 0 || e.index() > 4)) {
            return "MEASUREMENT index " + e.index() + " (0 = RIM, 1..4 = REM)";
        }
        if (e.kind() == EventKind.RTT_ENTRY && e.level() != TraceEvent.NULL_INT) {
            // reference 11.1: levels -1 (LPA2) to 3; blocks and pages (ASSIGNED, ASSIGNED_NS) at 1..3
            if (e.level() < -1 || e.level() > 3) return "RTT_ENTRY at level " + e.level() + " (levels are -1..3)";
            if (e.level() < 1 && ("ASSIGNED".equals(e.to()) || "ASSIGNED_NS".equals(e.to()))) {
                return "RTT_ENTRY " + e.to() + " at level " + e.level() + " (blocks and pages exist at levels 1..3 only)";
            }
        }
        return null;
    }

    private static String names(EventView e) {
        String bad = oneOf("from_ripas", e.fromRipas(), RIPAS);
        if (bad == null) bad = oneOf("to_ripas", e.toRipas(), RIPAS);
        if (bad == null) bad = oneOf("ripas", e.ripas(), RIPAS);
        if (bad == null) bad = oneOf("pas", e.pas(), PAS);
        if (bad == null) bad = oneOf("exit_reason", e.exitReason(), EXIT_REASONS);
        if (bad == null) bad = oneOf("access", e.access(), ACCESS);
        if (bad == null) bad = oneOf("half", e.half(), HALF);
        if (bad == null) bad = oneOf("outcome", e.outcome(), OUTCOMES);
        if (bad == null && e.kind() == EventKind.PAS_CHANGE) {
            bad = oneOf("from", e.from(), PAS);
            if (bad == null) bad = oneOf("to", e.to(), PAS);
        }
        return bad;
    }

    private static String oneOf(String column, String value, Set<String> allowed) {
        if (value == null || allowed.contains(value)) return null;
        return column + " \"" + value + "\" is not one of " + new java.util.TreeSet<>(allowed);
    }
}
