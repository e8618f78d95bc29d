package io.ccatrace.model.rtt;

/**
 * What RTT_READ_ENTRY reports for the entry a walk reached (reference 4.19): x1 level,
 * x2 RmiRttEntryState, x3 desc, x4 RIPAS.
 */
public record EntryReport(int level, int state, long desc, int ripas) {

    /** The rel0 outputs for w's entry. rel0 reports desc 0 for ASSIGNED DESTROYED (4.19). */
    public static EntryReport of(RttWalk w) {
        RttState st = w.state();
        int code = st.readEntryCode();
        switch (st) {
            case UNASSIGNED:
                return new EntryReport(w.level(), code, 0, w.ripas().ordinal());
            case ASSIGNED:
                long pa = w.ripas() == Ripas.DESTROYED ? 0 : w.addr();
                return new EntryReport(w.level(), code, pa, w.ripas().ordinal());
            case ASSIGNED_NS:
                return new EntryReport(w.level(), code,
                        new NsDescriptor(w.addr(), w.table().attrs(w.index())).encode(), 0);
            case TABLE:
                return new EntryReport(w.level(), code, w.addr(), 0);
            default:
                return new EntryReport(w.level(), code, 0, Ripas.EMPTY.ordinal());
        }
    }

    public long[] registers() {
        return new long[] {level, state, desc, ripas};
    }
}
