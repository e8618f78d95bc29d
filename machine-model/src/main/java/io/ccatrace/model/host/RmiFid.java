package io.ccatrace.model.host;

/** Function IDs of the RMI 1.0 commands, as the host issues them (reference section 3). */
public final class RmiFid {
    public static final long VERSION = 0xC4000150L;
    public static final long GRANULE_DELEGATE = 0xC4000151L;
    public static final long GRANULE_UNDELEGATE = 0xC4000152L;
    public static final long DATA_CREATE = 0xC4000153L;
    public static final long DATA_CREATE_UNKNOWN = 0xC4000154L;
    public static final long DATA_DESTROY = 0xC4000155L;
    public static final long REALM_ACTIVATE = 0xC4000157L;
    public static final long REALM_CREATE = 0xC4000158L;
    public static final long REALM_DESTROY = 0xC4000159L;
    public static final long REC_CREATE = 0xC400015AL;
    public static final long REC_DESTROY = 0xC400015BL;
    public static final long REC_ENTER = 0xC400015CL;
    public static final long RTT_CREATE = 0xC400015DL;
    public static final long RTT_DESTROY = 0xC400015EL;
    public static final long RTT_MAP_UNPROTECTED = 0xC400015FL;
    public static final long RTT_READ_ENTRY = 0xC4000161L;
    public static final long RTT_UNMAP_UNPROTECTED = 0xC4000162L;
    public static final long PSCI_COMPLETE = 0xC4000164L;
    public static final long FEATURES = 0xC4000165L;
    public static final long RTT_FOLD = 0xC4000166L;
    public static final long REC_AUX_COUNT = 0xC4000167L;
    public static final long RTT_INIT_RIPAS = 0xC4000168L;
    public static final long RTT_SET_RIPAS = 0xC4000169L;

    /** Every 1.0 command FID, in FID order (for the hostile host's random calls). */
    public static final long[] ALL = {
        VERSION, GRANULE_DELEGATE, GRANULE_UNDELEGATE, DATA_CREATE, DATA_CREATE_UNKNOWN,
        DATA_DESTROY, REALM_ACTIVATE, REALM_CREATE, REALM_DESTROY, REC_CREATE, REC_DESTROY,
        REC_ENTER, RTT_CREATE, RTT_DESTROY, RTT_MAP_UNPROTECTED, RTT_READ_ENTRY,
        RTT_UNMAP_UNPROTECTED, PSCI_COMPLETE, FEATURES, RTT_FOLD, REC_AUX_COUNT,
        RTT_INIT_RIPAS, RTT_SET_RIPAS
    };

    private RmiFid() {
    }
}
