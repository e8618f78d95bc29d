package io.ccatrace.replay.divergence;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.HexFormat;

/** One-line text of a trace row for reports: the kind and every non-null column. */
public final class Describe {
    private static final Column[] COLUMNS = Column.values();

    private Describe() {
    }

    /** An input with its operands, e.g. "RMI_CALL RMI_DATA_DESTROY x1=0x88000000 x2=0x1000 (cpu 0)". */
    public static String input(TraceEvent in) {
        if (in == null) return "(effects before the first input)";
        StringBuilder s = new StringBuilder(in.kind().name());
        if (in.cmd() != null) s.append(' ').append(in.cmd());
        if (in.kind() == EventKind.RMI_CALL) {
            long[] a = in.args() == null ? new long[0] : in.args();
            for (int i = 0; i < a.length; i++) s.append(" x").append(i + 1).append('=').append(FieldDiff.hex(a[i]));
            if (in.fid() != TraceEvent.NULL) s.append(" fid=").append(FieldDiff.hex(in.fid()));
            if (in.cpu() != TraceEvent.NULL_INT) s.append(" cpu=").append(in.cpu());
            return s.toString();
        }
        appendColumns(s, in, Column.CMD);
        return s.toString();
    }

    /** An effect, e.g. "PAS_CHANGE pa=0x88000000 from=NS to=REALM". */
    public static String effect(TraceEvent e) {
        StringBuilder s = new StringBuilder(e.kind().name());
        appendColumns(s, e, null);
        return s.toString();
    }

    private static void appendColumns(StringBuilder s, TraceEvent e, Column skip) {
        for (Column c : COLUMNS) {
            if (c == skip) continue;
            switch (c) {
                case SEQ: case TIME: case KIND: case INPUT: case CAUSE_SEQ: case CHAIN:
                    continue;
                default:
                    break;
            }
            String v = value(c, e);
            if (v != null) s.append(' ').append(c.fieldName(e.kind())).append('=').append(v);
        }
    }

    static String value(Column c, TraceEvent e) {
        switch (c.type()) {
            case LONG:
            case INT: {
                long v = c.getLong(e);
                if (v == TraceEvent.NULL) return null;
                return c.hex() ? FieldDiff.hex(v) : Long.toString(v);
            }
            case NAME:
                return c.getName(e);
            case LONGS: {
                long[] a = c.getLongs(e);
                if (a == null) return null;
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < a.length; i++) b.append(i == 0 ? "" : ",").append(FieldDiff.hex(a[i]));
                return b.append(']').toString();
            }
            case BYTES: {
                byte[] b = e.payload();
                if (b == null) return null;
                String h = HexFormat.of().formatHex(b, 0, Math.min(b.length, 16));
                return b.length > 16 ? h + "..(" + b.length + "B)" : h;
            }
            default:
                return null;
        }
    }
}
