package io.ccatrace.analyzers.realm;

import io.ccatrace.analyzers.measurement.RealmMeasurements;
import io.ccatrace.analyzers.rtt.RttTree;

/** Shadow of one realm: lifecycle (7.2), geometry from its RealmParams, RTTs, measurements. */
public final class RealmShadow {
    public final long rd;
    public RealmState state = RealmState.NEW;
    public final RttTree rtt;
    public final RealmMeasurements measurements;
    public final int hashAlgo;
    /** Whether geometry and hash came from the RealmParams the host wrote (else defaults). */
    public final boolean paramsKnown;
    public long createdSeq;
    public long activatedSeq = -1;
    public long stateSeq = -1;
    public int liveRecs;
    /** RECs ever created: the index the next REC's MPIDR must carry (reference 4.9, 4.10 note). */
    public int recsCreated;

    public RealmShadow(long rd, int s2sz, int startLevel, int hashAlgo, boolean paramsKnown,
                       long seq) {
        this.rd = rd;
        this.rtt = new RttTree(s2sz, startLevel);
        this.hashAlgo = hashAlgo;
        this.measurements = new RealmMeasurements(hashAlgo);
        this.paramsKnown = paramsKnown;
        this.createdSeq = seq;
    }
}
