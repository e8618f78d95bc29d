package io.ccatrace.model.rmi;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of RMM models selectable with --rmm: the 1.0-rel0 specification, the
 * 1.0-EAC5 revision (a command table delta plus quirks), and seeded-bug variants of 1.0.
 * docs/models.md describes each.
 */
public final class RmmModels {
    public static final String DEFAULT = "1.0";
    private static final Map<String, RmmModel> ALL = build();

    private RmmModels() {
    }

    /** All models, in listing order. */
    public static Map<String, RmmModel> all() {
        return ALL;
    }

    /** The model with this id, or null. */
    public static RmmModel byId(String id) {
        return ALL.get(id);
    }

    private static Map<String, RmmModel> build() {
        Map<String, RmmModel> m = new LinkedHashMap<>();
        put(m, new RmmModel("1.0", "RMM 1.0-rel0 as specified (TF-RMM tag rmm-spec-v1.0-rel0)",
                Rmi10.table(), EnumSet.noneOf(Quirk.class)));
        put(m, new RmmModel("1.0-eac5", "RMM 1.0-EAC5 (TF-RMM tag rmm-spec-v1.0-eac5, v0.4.0):"
                + " old FEAT0 layout, unprotected maps at level 2..3 only, level-2 fold limit,"
                + " 1-argument RSI_IPA_STATE_GET, RsiRealmConfig without rpv",
                Rmi10Eac5.table(), EnumSet.of(Quirk.EAC5_ZERO_DEBUG_COUNTS,
                        Quirk.EAC5_UNPROTECTED_LEVEL_2_3, Quirk.EAC5_FOLD_BLOCKS_LEVEL_2,
                        Quirk.EAC5_IPA_STATE_GET_SINGLE,
                        Quirk.EAC5_REALM_CONFIG_LAYOUT)));
        bug(m, "1.0-bug-map-unprot-protected", Quirk.BUG_MAP_UNPROTECTED_IN_PROTECTED);
        bug(m, "1.0-bug-no-scrub", Quirk.BUG_NO_SCRUB);
        bug(m, "1.0-bug-destroy-keeps-mapping", Quirk.BUG_DATA_DESTROY_KEEPS_MAPPING);
        bug(m, "1.0-bug-ripas-unrequested", Quirk.BUG_SET_RIPAS_UNREQUESTED);
        bug(m, "1.0-bug-fault-skips-ripas", Quirk.BUG_FAULT_SKIPS_RIPAS_CHECK);
        bug(m, "1.0-bug-enter-system-off", Quirk.BUG_ENTER_SYSTEM_OFF);
        bug(m, "1.0-bug-rec-in-active-realm", Quirk.BUG_REC_CREATE_IN_ACTIVE_REALM);
        bug(m, "1.0-bug-rec-any-mpidr", Quirk.BUG_REC_CREATE_ANY_MPIDR);
        return m;
    }

    private static void bug(Map<String, RmmModel> m, String id, Quirk q) {
        put(m, new RmmModel(id, "seeded bug on 1.0: " + q.what(), Rmi10.table(), EnumSet.of(q)));
    }

    private static void put(Map<String, RmmModel> m, RmmModel model) {
        m.put(model.id(), model);
    }
}
