package io.ccatrace.analyzers.explain;

/**
 * A stage-2 fault that ended a REC's run with an exit to the host (outcome EXIT_TO_HOST), as
 * the shadow saw the IPA at that moment: what the host was asked to handle when the REC came
 * out. {@code ripas} is null for an IPA in the unprotected half.
 */
record FaultExit(long seq, long rec, long ipa, String hipas, String ripas) {

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    boolean emptyProtected() {
        return "EMPTY".equals(ripas);
    }

    /** Where the REC faulted, e.g. "IPA 0x80801000 (UNASSIGNED EMPTY)". */
    String where() {
        return "IPA " + hex(ipa) + " (" + hipas + (ripas == null ? ", unprotected" : " " + ripas) + ")";
    }

    /**
     * The root cause line. An EMPTY protected IPA must never reach the host: reference 8.2
     * gives the realm an SEA (no exit), and 8.5 gives the host nothing that backs an EMPTY
     * IPA, so a host handed that exit can only give up: the RMM's exit is the cause. Any other
     * fault exit is one the host did not handle (8.5 lists what it could have done).
     */
    String rootCause() {
        if (emptyProtected()) {
            return "root cause: the RMM exited to the host for REC " + hex(rec) + "'s access to " + where()
                    + " at seq " + seq + "; an access to an EMPTY IPA must inject a synchronous external abort"
                    + " into the realm with no exit (8.2), and the host has nothing that backs an EMPTY IPA (8.5)";
        }
        return "root cause: REC " + hex(rec) + " exited to the host for its access to " + where() + " at seq " + seq
                + ", and the host did not handle that exit (8.5) before tearing the realm down";
    }
}
