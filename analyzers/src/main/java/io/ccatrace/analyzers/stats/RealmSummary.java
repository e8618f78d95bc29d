package io.ccatrace.analyzers.stats;

/** What one realm did, from the rows that carry its RD in the realm column. */
public final class RealmSummary {
    public final long rd;
    /** The trace the realm is in, as named when it was read (null: not named). */
    public final String trace;
    public long firstTime = -1;
    public long lastTime;
    public long rsiCalls;
    public long exits;
    public long faults;
    public long seas;
    public long rttChanges;
    public long dataGranules;
    public long peakDataGranules;
    public String state = "";

    RealmSummary(long rd, String trace) {
        this.rd = rd;
        this.trace = trace;
    }

    RealmSummary copy() {
        RealmSummary o = new RealmSummary(rd, trace);
        o.firstTime = firstTime;
        o.lastTime = lastTime;
        o.rsiCalls = rsiCalls;
        o.exits = exits;
        o.faults = faults;
        o.seas = seas;
        o.rttChanges = rttChanges;
        o.dataGranules = dataGranules;
        o.peakDataGranules = peakDataGranules;
        o.state = state;
        return o;
    }

    void touch(long time) {
        if (firstTime < 0) firstTime = time;
        lastTime = time;
    }
}
