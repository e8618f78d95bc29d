package io.ccatrace.analyzers.rec;

/** The REC_STATE row states the shadow follows (reference 7.3), by exact name. */
public enum RecTransition {
    RUNNING, READY, RUNNABLE, NOT_RUNNABLE, OTHER;

    public static RecTransition parse(String s) {
        if (s == null) return OTHER;
        switch (s) {
            case "RUNNING": return RUNNING;
            case "READY": return READY;
            case "RUNNABLE": return RUNNABLE;
            case "NOT_RUNNABLE": return NOT_RUNNABLE;
            default: return OTHER;
        }
    }
}
