package io.ccatrace.analyzers.stats;

/** What one realm did, from the rows that carry its RD in the realm column. */
public final class RealmSummary {
    public final long rd;
    /** The trace the realm is in, as named when it was read (null: not named). */
    public final String trace;
    /** Which realm of this RD in its trace (1 = the first; an RD is reused once its realm is destroyed). */
    public final int life;
    /** lastTime before the rows at the current lastTime: a re-creation's first rows are taken back with it. */
    private long previousTime = -1;
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

    RealmSummary(long rd, String trace, int life) {
        this.rd = rd;
        this.trace = trace;
        this.life = life;
    }

    RealmSummary copy() {
        RealmSummary o = new RealmSummary(rd, trace, life);
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
        o.previousTime = previousTime;
        return o;
    }

    void touch(long time) {
        if (firstTime < 0) firstTime = time;
        if (time != lastTime) previousTime = lastTime;
        lastTime = time;
    }

    /** Takes back the rows at time (a new realm's creation, seen before its RD was known to be reused). */
    void untouch(long time) {
        if (lastTime == time && previousTime >= 0) lastTime = previousTime;
    }
}
