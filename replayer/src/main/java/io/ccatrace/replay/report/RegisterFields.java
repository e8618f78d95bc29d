package io.ccatrace.replay.report;

import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rmi.RmmModels;
import io.ccatrace.model.rmi.system.Feat0Layout;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A divergent register that has fields, decoded: today RmiFeatureRegister0 (RMI_FEATURES x1
 * for index 0), whose layout changed between 1.0-EAC5 and 1.0-rel0 (reference 12.3). The
 * recorded value is decoded in the recording model's layout, the replayed one in the replay
 * model's, so a report can say whether the machine's features differ or only where the
 * register keeps them. Null for any other divergence, or when a model is not known.
 *
 * @param expectedLayout the layout the recorded value was decoded in
 * @param actualLayout   the layout the replayed value was decoded in
 * @param changes        the fields whose decoded values differ, and those only one layout has
 *                       (its value null on the other side); the reserved bits as a field
 *                       "reserved" when they differ
 */
public record RegisterFields(String register, Feat0Layout expectedLayout, Feat0Layout actualLayout,
                             List<Change> changes) {
    /** One field: its decoded value on each side, null where that side's layout lacks it. */
    public record Change(String field, Long expected, Long actual) {
    }

    public RegisterFields {
        changes = List.copyOf(changes);
    }

    /** The decoded fields of d's register, or null when d is not about a register with fields. */
    public static RegisterFields of(Divergence d, String expectedModel, String actualModel) {
        TraceEvent in = d.input();
        if (in == null || in.kind() != EventKind.RMI_CALL || !"RMI_FEATURES".equals(in.cmd())) return null;
        if (d.at() != in || !"x1".equals(d.field())) return null;
        if (in.args() == null || in.args().length == 0 || in.args()[0] != 0) return null;
        Long expected = hex(d.expected());
        Long actual = hex(d.actual());
        RmmModel a = expectedModel == null ? null : RmmModels.byId(expectedModel);
        RmmModel b = actualModel == null ? null : RmmModels.byId(actualModel);
        if (expected == null || actual == null || a == null || b == null) return null;
        Feat0Layout la = Feat0Layout.of(a);
        Feat0Layout lb = Feat0Layout.of(b);
        Map<String, Long> x = la.decode(expected);
        Map<String, Long> y = lb.decode(actual);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Long> f : x.entrySet()) {
            Long other = y.get(f.getKey());
            if (!f.getValue().equals(other)) changes.add(new Change(f.getKey(), f.getValue(), other));
        }
        for (Map.Entry<String, Long> f : y.entrySet()) {
            if (!x.containsKey(f.getKey())) changes.add(new Change(f.getKey(), null, f.getValue()));
        }
        long ra = la.reserved(expected);
        long rb = lb.reserved(actual);
        if (ra != rb) changes.add(new Change("reserved", ra, rb));
        return new RegisterFields("RmiFeatureRegister0", la, lb, changes);
    }

    /** Whether every field both layouts have decodes to the same value (the layout is what changed). */
    public boolean sameValues() {
        for (Change c : changes) {
            if (c.expected() != null && c.actual() != null) return false;
        }
        return true;
    }

    /**
     * One line: the layouts, then the fields that differ ("NAME e vs a") or, when none both have
     * differs, that the values agree and which fields only one side has.
     */
    public String describe(String expectedModel, String actualModel) {
        StringBuilder s = new StringBuilder(register);
        if (expectedLayout == actualLayout) {
            s.append(" (layout ").append(expectedLayout.name()).append("): ");
        } else {
            s.append(" decoded in each model's layout (").append(expectedModel).append(": ")
                    .append(expectedLayout.name()).append("; ").append(actualModel).append(": ")
                    .append(actualLayout.name()).append("): ");
        }
        List<String> both = new ArrayList<>();
        List<String> onlyExpected = new ArrayList<>();
        List<String> onlyActual = new ArrayList<>();
        for (Change c : changes) {
            if (c.expected() == null) onlyActual.add(c.field() + " " + value(c.field(), c.actual()));
            else if (c.actual() == null) onlyExpected.add(c.field() + " " + value(c.field(), c.expected()));
            else both.add(c.field() + " " + value(c.field(), c.expected()) + " vs " + value(c.field(), c.actual()));
        }
        s.append(both.isEmpty() ? "every field both layouts have holds the same value" : String.join(", ", both));
        if (!onlyExpected.isEmpty()) s.append("; only ").append(expectedModel).append(" has ").append(String.join(", ", onlyExpected));
        if (!onlyActual.isEmpty()) s.append("; only ").append(actualModel).append(" has ").append(String.join(", ", onlyActual));
        return s.toString();
    }

    private static String value(String field, long v) {
        return field.equals("reserved") ? "0x" + Long.toHexString(v) : Long.toString(v);
    }

    private static Long hex(String s) {
        if (s == null || !s.startsWith("0x")) return null;
        try {
            return Long.parseUnsignedLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
