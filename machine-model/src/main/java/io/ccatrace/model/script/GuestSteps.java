package io.ccatrace.model.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.guest.GuestStep.Op;
import io.ccatrace.model.rsi.RealmCallTable;
import java.util.ArrayList;
import java.util.List;

/** Reads the `steps` of a `realm` action (script contract, "Guest steps"). */
final class GuestSteps {
    private static final String[] KINDS = {"call", "fid", "read", "write", "exec",
        "host_call", "wfi", "wfe", "hvc", "irq", "fiq"};
    /** SMCCC passes at most x1..x17. */
    private static final int MAX_CALL_ARGS = 17;

    private GuestSteps() {
    }

    static List<GuestStep> parse(Fields action, RealmCallTable calls) throws ScriptException {
        JsonNode list = action.required("steps");
        if (!list.isArray()) throw action.error("steps must be a list");
        List<GuestStep> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(step(new Fields(action.line(), "realm: steps[" + i + "]", list.get(i)),
                    calls));
        }
        return out;
    }

    private static GuestStep step(Fields f, RealmCallTable calls) throws ScriptException {
        String kind = null;
        for (String k : KINDS) {
            if (!f.has(k)) continue;
            if (kind != null) throw f.error("both '" + kind + "' and '" + k + "' given");
            kind = k;
        }
        if (kind == null) {
            throw f.error("no step kind (one of " + String.join(", ", KINDS) + ")");
        }
        GuestStep s;
        switch (kind) {
            case "call":
            case "fid":
                s = new GuestStep(Op.CALL, callFid(f, kind, calls), args(f), 0, 0, 8, true);
                break;
            case "read":
            case "write":
            case "exec":
                s = access(f, kind);
                break;
            case "host_call":
                long imm = immediate(f, "host_call", 32, "the 4 bytes of RsiHostCall.imm the RMM reads");
                s = GuestStep.hostCall(imm, f.u64("buffer"));
                break;
            case "hvc":
                s = GuestStep.hvc(immediate(f, "hvc", 16, "HVC's 16-bit immediate"));
                break;
            default:
                if (!f.bool(kind, false)) throw f.error(kind + " must be true");
                s = GuestStep.of(Op.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
                break;
        }
        f.noOthers();
        return s;
    }

    /**
     * An immediate that must fit its field: a wider value could not be written, and the host
     * would see another number than the script gave (the RMM reads 4 bytes of RsiHostCall.imm,
     * reference 9.5; an HVC instruction holds 16 bits).
     */
    private static long immediate(Fields f, String key, int bits, String field)
            throws ScriptException {
        long v = f.u64(key);
        if ((v >>> bits) != 0) {
            throw f.error(key + ": 0x" + Long.toHexString(v) + " does not fit in " + field);
        }
        return v;
    }

    private static long callFid(Fields f, String kind, RealmCallTable calls) throws ScriptException {
        if (kind.equals("fid")) return f.u64("fid");
        String name = f.string("call", null);
        RealmCallTable.Entry e = calls.byName(name);
        if (e == null) {
            throw f.error("unknown RSI/PSCI call '" + name + "' (use a raw \"fid\" step for"
                    + " other functions)");
        }
        return e.fid();
    }

    private static long[] args(Fields f) throws ScriptException {
        JsonNode v = f.optional("args");
        return v == null ? new long[0] : f.u64List(v, "args", MAX_CALL_ARGS);
    }

    private static GuestStep access(Fields f, String kind) throws ScriptException {
        long ipa = f.u64(kind);
        long value = kind.equals("write") ? f.u64("value") : 0;
        JsonNode sz = f.optional("size");
        int size = 8;
        if (sz != null) {
            long v = f.u64(sz, "size");
            if (v != 1 && v != 2 && v != 4 && v != 8) {
                throw f.error("size must be 1, 2, 4 or 8, got " + Long.toUnsignedString(v));
            }
            size = (int) v;
        }
        if (size < 8 && (value >>> (8 * size)) != 0) {
            throw f.error("value 0x" + Long.toHexString(value) + " does not fit in " + size
                    + " bytes");
        }
        boolean isv = f.bool("isv", true);
        Op op = Op.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        return new GuestStep(op, 0, new long[0], ipa, value, size, isv);
    }
}
