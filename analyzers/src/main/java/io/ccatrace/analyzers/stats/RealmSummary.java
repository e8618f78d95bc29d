package io.ccatrace.analyzers.stats;

/** What one realm did, from the rows that carry its RD in the realm column. */
public final class RealmSummary {
    public final long rd;
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

    RealmSummary(long rd) {
        this.rd = rd;
    }

    void touch(long time) {
        if (firstTime < 0) firstTime = time;
        lastTime = time;
    }
}
