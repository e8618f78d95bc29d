package io.ccatrace.model.rmi;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of RMM models selectable with --rmm. */
public final class RmmModels {
    public static final String DEFAULT = "1.0";

    private RmmModels() {
    }

    /** All models, in listing order. */
    public static Map<String, RmmModel> all() {
        Map<String, RmmModel> m = new LinkedHashMap<>();
        put(m, new RmmModel("1.0", "RMM 1.0-rel0 as specified (TF-RMM tag rmm-spec-v1.0-rel0)",
                Rmi10.table(), EnumSet.noneOf(Quirk.class)));
        return m;
    }

    /** The model with this id, or null. */
    public static RmmModel byId(String id) {
        return all().get(id);
    }

    private static void put(Map<String, RmmModel> m, RmmModel model) {
        m.put(model.id(), model);
    }
}
