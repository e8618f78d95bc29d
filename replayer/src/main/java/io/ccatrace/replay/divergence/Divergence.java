package io.ccatrace.replay.divergence;

import io.ccatrace.trace.TraceEvent;
import java.util.List;

/**
 * Where a replay first differed from the recording within one input's window.
 *
 * @param seq       recorded seq of the input
 * @param input     the recorded input row (command and operands)
 * @param at        the recorded row holding the first difference (the input itself, or an
 *                  effect); for an extra effect, the replayed row
 * @param field     the first differing field: "status", "x1", "RTT_ENTRY.to", "missing
 *                  PAS_CHANGE", "extra RTT_ENTRY", ...
 * @param expected  recorded value
 * @param actual    replayed value
 * @param missing   recorded effects the replay did not produce
 * @param extra     replayed effects the recording does not have
 */
public record Divergence(long seq, TraceEvent input, TraceEvent at, String field,
                         String expected, String actual, List<TraceEvent> missing,
                         List<TraceEvent> extra) {
    public Divergence {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }

    /** The command the summary counts under: RMI command name, or the input kind/step op. */
    public String command() {
        if (input == null) return "(no input)";
        switch (input.kind()) {
            case RMI_CALL:
                return input.cmd() == null ? "UNKNOWN" : input.cmd();
            case GUEST_STEP:
                return "GUEST_STEP " + input.cmd();
            default:
                return input.kind().name();
        }
    }
}
