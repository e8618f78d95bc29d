package io.ccatrace.analyzers;

import static io.ccatrace.analyzers.TraceBuilder.NULL;

/**
 * A realm built the way a spec-faithful RMM records it (reference 4.3-4.22, 7): delegation,
 * REALM_CREATE, RTTs down to level 3 at IPA 0, RTT_INIT_RIPAS of [0, 0x2000), one measured
 * DATA page at IPA 0, one runnable REC, activation; with correct RIM rows.
 */
final class RealmFixture {
    static final long PARAMS = 0x8010_0000L;
    static final long RUN = 0x8010_1000L;
    static final long REC_PARAMS = 0x8010_2000L;
    static final long SRC = 0x8010_3000L;
    static final long RD = 0x8020_0000L;
    static final long RTT1 = 0x8020_1000L;
    static final long RTT2 = 0x8020_2000L;
    static final long RTT3 = 0x8020_3000L;
    static final long DATA = 0x8030_0000L;
    static final long DATA2 = 0x8030_1000L;
    static final long REC = 0x8040_0000L;
    static final long RSI_IPA_STATE_SET = 0xC4000197L;

    final TraceBuilder t = new TraceBuilder();
    final SpecRim rim = new SpecRim();

    /** Everything up to and including activation. */
    RealmFixture active() {
        created();
        t.rmi("RMI_REALM_ACTIVATE", "RMI_SUCCESS", RD);
        t.realmState(RD, "NEW", "ACTIVE");
        return this;
    }

    /** The realm built but still NEW. */
    RealmFixture created() {
        for (long pa : new long[] {RD, RTT1, RTT2, RTT3, DATA, DATA2, REC}) t.delegate(pa);
        byte[] params = TraceBuilder.realmParams(0, RTT1);
        t.nsWrite(PARAMS, params);
        t.rmi("RMI_REALM_CREATE", "RMI_SUCCESS", RD, PARAMS);
        t.granule(RD, "DELEGATED", "RD", RD);
        t.granule(RTT1, "DELEGATED", "RTT", RD);
        t.realmState(RD, null, "NEW");
        t.measurement(RD, 0, "INIT", rim.init(params));
        rttCreate(RTT2, 0, 2);
        rttCreate(RTT3, 0, 3);
        t.rmiOut("RMI_RTT_INIT_RIPAS", "RMI_SUCCESS", new long[] {0x2000}, RD, 0, 0x2000);
        for (long ipa = 0; ipa < 0x2000; ipa += 0x1000) {
            t.rtt(RD, ipa, 3, "UNASSIGNED", "EMPTY", "UNASSIGNED", "RAM", NULL);
            t.measurement(RD, 0, "RIPAS", rim.ripas(ipa, ipa + 0x1000));
        }
        byte[] src = new byte[4096];
        src[0] = 0x42;
        t.nsWrite(SRC, src);
        t.rmi("RMI_DATA_CREATE", "RMI_SUCCESS", RD, DATA, 0, SRC, 1);
        t.granule(DATA, "DELEGATED", "DATA", RD);
        t.rtt(RD, 0, 3, "UNASSIGNED", "RAM", "ASSIGNED", "RAM", DATA);
        t.measurement(RD, 0, "DATA", rim.data(0, 1, src));
        byte[] recParams = TraceBuilder.recParams(true, 0, 0x1000);
        t.nsWrite(REC_PARAMS, recParams);
        t.rmi("RMI_REC_CREATE", "RMI_SUCCESS", RD, REC, REC_PARAMS);
        t.granule(REC, "DELEGATED", "REC", RD);
        t.measurement(RD, 0, "REC", rim.rec(recParams));
        return this;
    }

    void rttCreate(long rtt, long ipa, int level) {
        t.rmi("RMI_RTT_CREATE", "RMI_SUCCESS", RD, rtt, ipa, level);
        t.granule(rtt, "DELEGATED", "RTT", RD);
        t.rtt(RD, ipa, level - 1, "UNASSIGNED", "EMPTY", "TABLE", null, rtt);
    }

    /** REC_ENTER with the given entry flags; the caller adds what happens inside. */
    RealmFixture enter(long flags) {
        t.nsWrite(RUN, TraceBuilder.recRun(flags));
        t.rmi("RMI_REC_ENTER", "RMI_SUCCESS", REC, RUN);
        return this;
    }

    /** The realm asks for [base, top) to become ripas; exits RIPAS_CHANGE. */
    RealmFixture requestRipas(long base, long top, String ripas, long flags) {
        t.step(REC, "call", RSI_IPA_STATE_SET, NULL, base, top, "RAM".equals(ripas) ? 1 : 0, flags);
        enter(0);
        t.ripasExit(RD, REC, base, top, ripas);
        return this;
    }

    /**
     * The host destroys the RAM page at IPA 0 (DATA_DESTROY: RIPAS becomes DESTROYED, 4.12)
     * and the realm then faults on it (8.5: no progress possible). Returns {destroy seq, fault seq}.
     */
    long[] destroyedRamFault() {
        t.rmiOut("RMI_DATA_DESTROY", "RMI_SUCCESS", new long[] {DATA, 0x1000}, RD, 0);
        long destroySeq = t.last();
        t.granule(DATA, "DATA", "DELEGATED", NULL);
        t.rtt(RD, 0, 3, "ASSIGNED", "RAM", "UNASSIGNED", "DESTROYED", NULL);
        enter(0);
        t.fault(RD, REC, 0x0, "DESTROYED", "UNASSIGNED", "EXIT_TO_HOST");
        return new long[] {destroySeq, t.last()};
    }
}
