package io.ccatrace.model.granule;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Granule states (reference section 7.1) and the transitions the RMM may make. */
public enum GranuleState {
    UNDELEGATED, DELEGATED, RD, REC, REC_AUX, DATA, RTT;

    /** States reachable from this one in a single RMI command (reference 7.1); unmodifiable. */
    public Set<GranuleState> successors() {
        return this == DELEGATED ? Successors.FROM_DELEGATED : Successors.TO_DELEGATED;
    }

    /** The two successor sets, built once (every transition checks one). */
    private static final class Successors {
        static final Set<GranuleState> TO_DELEGATED = Collections.unmodifiableSet(EnumSet.of(DELEGATED));
        static final Set<GranuleState> FROM_DELEGATED =
                Collections.unmodifiableSet(EnumSet.of(UNDELEGATED, RD, REC, REC_AUX, DATA, RTT));
    }

    /** Whether the granule must be in the Realm PAS in this state. */
    public boolean requiresRealmPas() {
        return this != UNDELEGATED;
    }
}
