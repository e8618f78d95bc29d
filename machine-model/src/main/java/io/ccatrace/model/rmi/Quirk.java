package io.ccatrace.model.rmi;

import java.util.List;

/**
 * Behaviour switches that distinguish RMM models: real revision differences and seeded
 * bugs. The 1.0 (rel0) model has none set. Each is checked at the one guard it changes,
 * and documented in docs/models.md. Each also says what it changes, where the reference
 * says so, and the commands (or event kinds) at which a replay across two models that differ
 * in it first shows it, so that a divergence there can be reported as a known difference.
 */
public enum Quirk {
    // --- 1.0-EAC5 (reference 12.2, 12.3, 12.5) -------------------------------------------
    EAC5_ZERO_DEBUG_COUNTS("REALM_CREATE accepts num_bps / num_wps of 0 (EAC5 only requires <= FEAT0; rel0 refuses 0)",
            "12.3", "RMI_REALM_CREATE"),
    EAC5_UNPROTECTED_LEVEL_2_3("RTT_MAP/UNMAP_UNPROTECTED take level 2..3 only, checked before rd (rel0: 1..3)",
            "12.2", "RMI_RTT_MAP_UNPROTECTED", "RMI_RTT_UNMAP_UNPROTECTED"),
    EAC5_FOLD_BLOCKS_LEVEL_2("RTT_FOLD makes ASSIGNED / ASSIGNED_NS blocks only from a level-3 RTT (rel0: from level 2 too)",
            "12.2", "RMI_RTT_FOLD"),
    EAC5_IPA_STATE_GET_SINGLE("RSI_IPA_STATE_GET takes one IPA and returns its RIPAS in x1 (rel0: (base, end) -> x1 top, x2 RIPAS)",
            "12.5", "RSI_IPA_STATE_GET"),
    EAC5_REALM_CONFIG_LAYOUT("RsiRealmConfig has hash_algo as a u64 at 8 and no rpv at 0x200",
            "12.5", "RSI_REALM_CONFIG"),

    // --- seeded bugs of 1.0 ---------------------------------------------------------------
    BUG_MAP_UNPROTECTED_IN_PROTECTED("RTT_MAP_UNPROTECTED accepts an IPA in the protected half",
            "4.17", "RMI_RTT_MAP_UNPROTECTED"),
    BUG_NO_SCRUB("granules going back to DELEGATED are not zeroed (realm data reaches the host)",
            "7.1", "NS_READ"),
    BUG_DATA_DESTROY_KEEPS_MAPPING("DATA_DESTROY frees the granule but leaves its RTT entry mapped",
            "4.13", "RMI_DATA_DESTROY"),
    BUG_SET_RIPAS_UNREQUESTED("RTT_SET_RIPAS changes RIPAS with no pending realm request",
            "4.21", "RMI_RTT_SET_RIPAS"),
    BUG_FAULT_SKIPS_RIPAS_CHECK("a protected fault on an UNASSIGNED entry exits to the host without the RIPAS check",
            "8.2", "STAGE2_FAULT"),
    BUG_ENTER_SYSTEM_OFF("REC_ENTER enters a REC of a SYSTEM_OFF realm",
            "4.22", "RMI_REC_ENTER"),
    BUG_REC_CREATE_IN_ACTIVE_REALM("REC_CREATE adds a REC to an ACTIVE realm (and changes its RIM)",
            "4.9", "RMI_REC_CREATE"),
    BUG_REC_CREATE_ANY_MPIDR("REC_CREATE accepts an MPIDR that is not the next REC index",
            "4.9", "RMI_REC_CREATE");

    private final String what;
    private final String reference;
    private final List<String> subjects;

    Quirk(String what, String reference, String... subjects) {
        this.what = what;
        this.reference = reference;
        this.subjects = List.of(subjects);
    }

    /** What the quirk changes, in one phrase. */
    public String what() {
        return what;
    }

    /** The reference section that states the behaviour it changes (or the revision's difference). */
    public String reference() {
        return reference;
    }

    /**
     * The RMI or RSI command names, or event kinds (NS_READ, STAGE2_FAULT), at which a replay
     * on a model that differs in this quirk first diverges.
     */
    public List<String> subjects() {
        return subjects;
    }

    /** A seeded bug, as opposed to a specification revision's rule. */
    public boolean bug() {
        return name().startsWith("BUG_");
    }
}
