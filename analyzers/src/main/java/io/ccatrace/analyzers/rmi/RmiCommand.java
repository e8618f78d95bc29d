package io.ccatrace.analyzers.rmi;

/** The RMI 1.0 commands (reference section 3), by name and function id. */
public enum RmiCommand {
    RMI_VERSION(0x150), RMI_GRANULE_DELEGATE(0x151), RMI_GRANULE_UNDELEGATE(0x152),
    RMI_DATA_CREATE(0x153), RMI_DATA_CREATE_UNKNOWN(0x154), RMI_DATA_DESTROY(0x155),
    RMI_REALM_ACTIVATE(0x157), RMI_REALM_CREATE(0x158), RMI_REALM_DESTROY(0x159),
    RMI_REC_CREATE(0x15A), RMI_REC_DESTROY(0x15B), RMI_REC_ENTER(0x15C),
    RMI_RTT_CREATE(0x15D), RMI_RTT_DESTROY(0x15E), RMI_RTT_MAP_UNPROTECTED(0x15F),
    RMI_RTT_READ_ENTRY(0x161), RMI_RTT_UNMAP_UNPROTECTED(0x162), RMI_PSCI_COMPLETE(0x164),
    RMI_FEATURES(0x165), RMI_RTT_FOLD(0x166), RMI_REC_AUX_COUNT(0x167),
    RMI_RTT_INIT_RIPAS(0x168), RMI_RTT_SET_RIPAS(0x169), UNKNOWN(-1);

    private static final RmiCommand[] BY_NUMBER = new RmiCommand[0x170];

    static {
        for (RmiCommand c : values()) {
            if (c.number >= 0) BY_NUMBER[c.number] = c;
        }
    }

    private final int number;

    RmiCommand(int number) {
        this.number = number;
    }

    public long fid() {
        return 0xC4000000L | number;
    }

    /** Decodes by name, falling back to the function id (SVE hint bit 16 ignored). */
    public static RmiCommand of(String name, long fid) {
        if (name != null) {
            RmiCommand c = byName(name);
            if (c != UNKNOWN) return c;
        }
        if (fid == Long.MIN_VALUE || (fid & 0xFFFFFFFF_FF00_0000L) != 0xC4000000L) return UNKNOWN;
        int n = (int) (fid & 0xFFFF);
        return n < BY_NUMBER.length && BY_NUMBER[n] != null ? BY_NUMBER[n] : UNKNOWN;
    }

    private static RmiCommand byName(String name) {
        switch (name) {
            case "RMI_VERSION": return RMI_VERSION;
            case "RMI_GRANULE_DELEGATE": return RMI_GRANULE_DELEGATE;
            case "RMI_GRANULE_UNDELEGATE": return RMI_GRANULE_UNDELEGATE;
            case "RMI_DATA_CREATE": return RMI_DATA_CREATE;
            case "RMI_DATA_CREATE_UNKNOWN": return RMI_DATA_CREATE_UNKNOWN;
            case "RMI_DATA_DESTROY": return RMI_DATA_DESTROY;
            case "RMI_REALM_ACTIVATE": return RMI_REALM_ACTIVATE;
            case "RMI_REALM_CREATE": return RMI_REALM_CREATE;
            case "RMI_REALM_DESTROY": return RMI_REALM_DESTROY;
            case "RMI_REC_CREATE": return RMI_REC_CREATE;
            case "RMI_REC_DESTROY": return RMI_REC_DESTROY;
            case "RMI_REC_ENTER": return RMI_REC_ENTER;
            case "RMI_RTT_CREATE": return RMI_RTT_CREATE;
            case "RMI_RTT_DESTROY": return RMI_RTT_DESTROY;
            case "RMI_RTT_MAP_UNPROTECTED": return RMI_RTT_MAP_UNPROTECTED;
            case "RMI_RTT_READ_ENTRY": return RMI_RTT_READ_ENTRY;
            case "RMI_RTT_UNMAP_UNPROTECTED": return RMI_RTT_UNMAP_UNPROTECTED;
            case "RMI_PSCI_COMPLETE": return RMI_PSCI_COMPLETE;
            case "RMI_FEATURES": return RMI_FEATURES;
            case "RMI_RTT_FOLD": return RMI_RTT_FOLD;
            case "RMI_REC_AUX_COUNT": return RMI_REC_AUX_COUNT;
            case "RMI_RTT_INIT_RIPAS": return RMI_RTT_INIT_RIPAS;
            case "RMI_RTT_SET_RIPAS": return RMI_RTT_SET_RIPAS;
            default: return UNKNOWN;
        }
    }
}
