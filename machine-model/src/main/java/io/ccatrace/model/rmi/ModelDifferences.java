package io.ccatrace.model.rmi;

import io.ccatrace.model.rmi.system.Feat0Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * The known ways two RMM models differ: each quirk one has and the other lacks, and the
 * RMI_FEATURES register layout when their revisions' layouts differ (a command-table delta,
 * not a quirk). A replay across the two can then tell a divergence at one of these from one
 * no documented difference explains.
 */
public final class ModelDifferences {
    /**
     * One difference.
     *
     * @param id        the quirk's name, or FEAT0_LAYOUT
     * @param model     the model that has the quirk (for the layout: the second model)
     * @param what      what it changes
     * @param reference the reference section
     * @param subjects  the RMI/RSI command names or event kinds where a replay shows it
     */
    public record Difference(String id, String model, String what, String reference, List<String> subjects) {
    }

    private ModelDifferences() {
    }

    /** Every known difference between a and b (empty for one model, or either null). */
    public static List<Difference> between(RmmModel a, RmmModel b) {
        List<Difference> out = new ArrayList<>();
        if (a == null || b == null || a.id().equals(b.id())) return out;
        Feat0Layout la = Feat0Layout.of(a);
        Feat0Layout lb = Feat0Layout.of(b);
        if (la != lb) {
            out.add(new Difference("FEAT0_LAYOUT", b.id(), "RMI_FEATURES reports RmiFeatureRegister0 in the " + lb.revision()
                    + " layout (" + lb.reference() + "), " + a.id() + " in the " + la.revision() + " one (" + la.reference() + ")",
                    "12.3", List.of("RMI_FEATURES")));
        }
        for (Quirk q : Quirk.values()) {
            if (a.has(q) == b.has(q)) continue;
            RmmModel with = a.has(q) ? a : b;
            out.add(new Difference(q.name(), with.id(), q.what(), q.reference(), q.subjects()));
        }
        return out;
    }
}
