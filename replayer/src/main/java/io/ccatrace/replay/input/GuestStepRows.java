package io.ccatrace.replay.input;

import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a GUEST_STEP row back into the step that was queued (docs/trace-format.md,
 * GUEST_STEP columns). Columns a step op does not use take the step factory defaults, so
 * the re-queued step maps to the same row again.
 */
public final class GuestStepRows {
    /** Ops by their name as the recorder writes it (lower case); other spellings are parsed. */
    private static final Map<String, GuestStep.Op> OPS = ops();

    private GuestStepRows() {
    }

    private static Map<String, GuestStep.Op> ops() {
        Map<String, GuestStep.Op> m = new HashMap<>();
        for (GuestStep.Op op : GuestStep.Op.values()) m.put(op.name().toLowerCase(Locale.ROOT), op);
        return m;
    }

    public static GuestStep step(EventView in) {
        GuestStep.Op op = op(in);
        long[] args = in.args() == null ? new long[0] : in.args();
        long ipa = in.ipa() == TraceEvent.NULL ? 0 : in.ipa();
        long value = in.value() == TraceEvent.NULL ? 0 : in.value();
        int size = in.size() == TraceEvent.NULL_INT ? 8 : in.size();
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            // script-format.md, guest steps: "size" (1, 2, 4, 8); no access of another size exists
            throw new BadInputException("seq " + in.seq() + ": GUEST_STEP access size " + size + " (sizes are 1, 2, 4, 8)");
        }
        boolean isv = in.index() == TraceEvent.NULL_INT || in.index() != 0;
        switch (op) {
            case CALL:
                return new GuestStep(op, InputFeeder.require(in, in.fid(), "fid"), args, 0, 0, 8, true);
            case READ:
            case EXEC:
                return new GuestStep(op, 0, null, InputFeeder.require(in, in.ipa(), "ipa"), 0, size, isv);
            case WRITE:
                return new GuestStep(op, 0, null, InputFeeder.require(in, in.ipa(), "ipa"), value, size, isv);
            case HOST_CALL:
                return new GuestStep(op, 0, null, ipa, value, 8, true);
            case HVC:
                return new GuestStep(op, 0, null, 0, value, 8, true);
            default:
                return GuestStep.of(op);
        }
    }

    private static GuestStep.Op op(EventView in) {
        if (in.cmd() == null) throw InputFeeder.bad(in, "cmd");
        GuestStep.Op known = OPS.get(in.cmd());
        if (known != null) return known;
        try {
            return GuestStep.Op.valueOf(in.cmd().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("seq " + in.seq() + ": unknown guest step \"" + in.cmd() + "\"");
        }
    }
}
