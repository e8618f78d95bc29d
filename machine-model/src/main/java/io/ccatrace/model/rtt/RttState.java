package io.ccatrace.model.rtt;

/** Internal RTT entry states (reference 7.4). */
public enum RttState {
    UNASSIGNED, ASSIGNED, UNASSIGNED_NS, ASSIGNED_NS, TABLE;

    /** The RmiRttEntryState code RTT_READ_ENTRY reports (0 UNASSIGNED, 1 ASSIGNED, 2 TABLE). */
    public int readEntryCode() {
        switch (this) {
            case ASSIGNED:
            case ASSIGNED_NS:
                return 1;
            case TABLE:
                return 2;
            default:
                return 0;
        }
    }

    public boolean isProtected() {
        return this == UNASSIGNED || this == ASSIGNED;
    }
}
