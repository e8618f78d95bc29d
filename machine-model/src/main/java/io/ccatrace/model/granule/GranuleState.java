package io.ccatrace.model.granule;

import java.util.EnumSet;
import java.util.Set;

/** Granule states (reference section 7.1) and the transitions the RMM may make. */
public enum GranuleState {
    UNDELEGATED, DELEGATED, RD, REC, REC_AUX, DATA, RTT;

    /** States reachable from this one in a single RMI command (reference 7.1). */
    public Set<GranuleState> successors() {
        switch (this) {
            case UNDELEGATED:
                return EnumSet.of(DELEGATED);
            case DELEGATED:
                return EnumSet.of(UNDELEGATED, RD, REC, REC_AUX, DATA, RTT);
            default:
                return EnumSet.of(DELEGATED);
        }
    }

    /** Whether the granule must be in the Realm PAS in this state. */
    public boolean requiresRealmPas() {
        return this != UNDELEGATED;
    }
}
