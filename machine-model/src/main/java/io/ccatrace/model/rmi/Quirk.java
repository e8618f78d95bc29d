package io.ccatrace.model.rmi;

/**
 * Behaviour switches that distinguish RMM models: real revision differences and seeded
 * bugs. The 1.0 (rel0) model has none set. Each is checked at the one guard it changes,
 * and documented in docs/models.md.
 */
public enum Quirk {
    // --- 1.0-EAC5 (reference 12.2, 12.3, 12.5) -------------------------------------------
    /** REALM_CREATE: num_bps / num_wps of 0 are valid (EAC5 only requires <= FEAT0). */
    EAC5_ZERO_DEBUG_COUNTS,
    /** RTT_MAP/UNMAP_UNPROTECTED: level must be 2..3, checked before rd (rel0: 1..3). */
    EAC5_UNPROTECTED_LEVEL_2_3,
    /** RTT_FOLD: ASSIGNED / ASSIGNED_NS blocks only when folding a level-3 RTT. */
    EAC5_FOLD_BLOCKS_LEVEL_2,
    /** RSI_IPA_STATE_GET(ipa) -> x1 = RIPAS (rel0: (base, end) -> x1 top, x2 RIPAS). */
    EAC5_IPA_STATE_GET_SINGLE,
    /** RsiRealmConfig: hash_algo is a u64 at 8 and there is no rpv at 0x200. */
    EAC5_REALM_CONFIG_LAYOUT,

    // --- seeded bugs of 1.0 ---------------------------------------------------------------
    /** RTT_MAP_UNPROTECTED accepts an IPA in the protected half. */
    BUG_MAP_UNPROTECTED_IN_PROTECTED,
    /** Granules returning to DELEGATED are not zeroed (DATA_DESTROY then UNDELEGATE leaks). */
    BUG_NO_SCRUB,
    /** DATA_DESTROY frees the granule but leaves the RTT entry ASSIGNED to it. */
    BUG_DATA_DESTROY_KEEPS_MAPPING,
    /** RTT_SET_RIPAS works without a pending RIPAS change request of the REC. */
    BUG_SET_RIPAS_UNREQUESTED,
    /** A protected-IPA fault on an UNASSIGNED entry exits to the host whatever the RIPAS. */
    BUG_FAULT_SKIPS_RIPAS_CHECK,
    /** REC_ENTER enters a REC whose realm is SYSTEM_OFF. */
    BUG_ENTER_SYSTEM_OFF,
    /** REC_CREATE skips the realm-state check: a REC is added to (and measured into) an ACTIVE realm. */
    BUG_REC_CREATE_IN_ACTIVE_REALM,
    /** REC_CREATE does not check that the MPIDR carries the next REC index. */
    BUG_REC_CREATE_ANY_MPIDR
}
