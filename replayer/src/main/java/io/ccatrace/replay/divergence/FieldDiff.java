package io.ccatrace.replay.divergence;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;

/**
 * The first column in which two rows of the same kind differ, in schema column order.
 * seq, time and cause_seq are positions, not outcomes, and are not compared (after a
 * divergence the replayed machine's numbering may legitimately shift).
 */
public record FieldDiff(String field, String expected, String actual) {
    private static final Column[] COLUMNS = Column.values();

    /** The first difference between recorded and replayed, or null when they agree. */
    public static FieldDiff between(TraceEvent recorded, TraceEvent replayed) {
        if (recorded.kind() != replayed.kind()) {
            return new FieldDiff("kind", recorded.kind().name(), replayed.kind().name());
        }
        for (Column c : COLUMNS) {
            FieldDiff d = compare(c, recorded, replayed);
            if (d != null) return d;
        }
        return null;
    }

    private static FieldDiff compare(Column c, TraceEvent a, TraceEvent b) {
        switch (c) {
            case SEQ:
            case TIME:
            case KIND:
            case INPUT:
            case CAUSE_SEQ:
            case CHAIN:
                return null;
            default:
                break;
        }
        switch (c.type()) {
            case LONG:
            case INT: {
                long x = c.getLong(a);
                long y = c.getLong(b);
                if (x == y || bothZeroIndex(c, a, x, y)) return null;
                return new FieldDiff(c.fieldName(a.kind()), number(c, x), number(c, y));
            }
            case NAME: {
                String x = c.getName(a);
                String y = c.getName(b);
                if (x == null ? y == null : x.equals(y)) return null;
                return new FieldDiff(c.columnName(), name(x), name(y));
            }
            case LONGS:
                return registers(c, a, c.getLongs(a), c.getLongs(b));
            case BYTES:
                if (Arrays.equals(a.payload(), b.payload())) return null;
                return PayloadDiff.between(c.columnName(), a.payload(), b.payload());
            default:
                return null;
        }
    }

    /** An RMI_CALL's index is 0 when there is none; dumps write 0 for a null index. */
    private static boolean bothZeroIndex(Column c, TraceEvent a, long x, long y) {
        return c == Column.INDEX && a.kind() == EventKind.RMI_CALL
                && (x == TraceEvent.NULL || x == 0) && (y == TraceEvent.NULL || y == 0);
    }

    private static FieldDiff registers(Column c, TraceEvent e, long[] x, long[] y) {
        long[] a = x == null ? new long[0] : x;
        long[] b = y == null ? new long[0] : y;
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            long va = i < a.length ? a[i] : 0;
            long vb = i < b.length ? b[i] : 0;
            if (va != vb || (i < a.length) != (i < b.length) && !trailingZeroOk(e)) {
                return new FieldDiff(register(c, e, i), i < a.length ? hex(va) : "absent",
                        i < b.length ? hex(vb) : "absent");
            }
        }
        return null;
    }

    /** REC_EXIT gprs may be trimmed of trailing zeros (ModelEvent.RecExit). */
    private static boolean trailingZeroOk(TraceEvent e) {
        return e.kind() == EventKind.REC_EXIT;
    }

    /** x1.. for RMI/RSI registers, gprs[i] for a REC exit, args[i] for arguments. */
    static String register(Column c, TraceEvent e, int i) {
        if (c == Column.ARGS) return e.kind() == EventKind.GUEST_STEP ? "args[" + i + "]" : "x" + (i + 1) + " (argument)";
        if (e.kind() == EventKind.REC_EXIT) return "gprs[" + i + "]";
        return "x" + (i + 1);
    }

    private static String number(Column c, long v) {
        if (v == TraceEvent.NULL) return "null";
        return c.hex() ? hex(v) : Long.toString(v);
    }

    private static String name(String s) {
        return s == null ? "null" : s;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
