package io.ccatrace.analyzers.rtt;

import static io.ccatrace.analyzers.rmi.MustFailRule.WALK_REFUSAL;

/**
 * A call that must refuse an IPA in the wrong half answered RMI_ERROR_RTT instead. RTT_MAP_UNPROTECTED
 * (4.17), DATA_CREATE (4.11, with its ACS priority note) and DATA_CREATE_UNKNOWN (4.12) check
 * the IPA's half (ipa_bound, RMI_ERROR_INPUT) before they walk the RTT (rtt_walk / rtte_state,
 * RMI_ERROR_RTT), so a walk result for such an IPA shows the RMM never checked the half: it
 * asks the host for the tables, and a host that creates them gets the mapping
 * (1.0-bug-map-unprot-protected does exactly this before its mapping succeeds).
 */
final class WalkBeforeHalfCheck {
    private WalkBeforeHalfCheck() {
    }

    static boolean applies(String status) {
        return WALK_REFUSAL.equals(status);
    }

    /** cmd of ipa, in the half named by {@code half} ("protected"/"unprotected"), refused by a walk; ref: the command's section. */
    static String message(String cmd, long ipa, String half, String ref) {
        return cmd + " of " + half + " IPA 0x" + Long.toHexString(ipa) + " refused with " + WALK_REFUSAL
                + ": " + ref + " checks ipa_bound (RMI_ERROR_INPUT) before the RTT walk, so the RMM walked the"
                + " tables for an IPA it must refuse and did not check its half; a host that creates the"
                + " tables it asks for gets the mapping";
    }
}
