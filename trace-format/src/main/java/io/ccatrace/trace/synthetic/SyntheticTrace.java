package io.ccatrace.trace.synthetic;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A seeded, multi-realm-like stream of trace rows for benchmarks and tests (no machine
 * model involved): each realm is set up once (delegations, create, RTTs, data granules
 * with measurements, RECs, activate), then the host enters RECs in turn and the guests
 * read, write, call RSI, fault and exit. Kinds and commands repeat, seq and time increase
 * (inputs cost a fixed time per kind and their effects share it, as in the model), addresses
 * cluster in a few regions, as in a recorded trace.
 */
public final class SyntheticTrace implements Iterator<TraceEvent> {
    private static final int REALMS = 4;
    private static final int RECS = 2;
    private static final long DRAM = 0x8800_0000L;

    private final long count;
    private final SplittableRandom random;
    private final ArrayDeque<TraceEvent.Builder> queue = new ArrayDeque<>();
    private long seq;
    private long time;
    private long cause;
    private int setupRealm;
    private long returned;

    public SyntheticTrace(long count, long seed) {
        this.count = count;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean hasNext() {
        return returned < count;
    }

    @Override
    public TraceEvent next() {
        if (!hasNext()) throw new NoSuchElementException();
        if (queue.isEmpty()) episode();
        returned++;
        return queue.poll().build();
    }

    private long rd(int realm) {
        return DRAM + 0x10_0000L * realm;
    }

    private long recPa(int realm, int rec) {
        return rd(realm) + 0x1000L * (1 + rec);
    }

    private TraceEvent.Builder add(EventKind k) {
        if (k.isInput()) time += inputCost(k);
        TraceEvent.Builder b = TraceEvent.builder(seq++, k).time(time);
        if (k.isInput()) {
            cause = seq - 1;
        } else {
            b.causeSeq(cause);
        }
        queue.add(b);
        return b;
    }

    /** Simulated cost of an input, as the model charges it: fixed per kind; effects share it. */
    private static long inputCost(EventKind k) {
        switch (k) {
            case RMI_CALL: return 1000;
            case GUEST_STEP: return 200;
            default: return 100;
        }
    }

    private void episode() {
        if (setupRealm < REALMS) {
            setup(setupRealm++);
        } else {
            run(random.nextInt(REALMS), random.nextInt(RECS));
        }
    }

    private void rmi(String cmd, long fid, long... args) {
        add(EventKind.RMI_CALL).cpu(0).cmd(cmd).fid(fid).args(args).status("RMI_SUCCESS")
                .index(0).out(new long[0]);
    }

    private void delegate(long pa) {
        rmi("RMI_GRANULE_DELEGATE", 0xC4000151L, pa);
        add(EventKind.PAS_CHANGE).pa(pa).from("NS").to("REALM");
        add(EventKind.GRANULE_STATE).pa(pa).from("UNDELEGATED").to("DELEGATED");
    }

    private void setup(int r) {
        long rd = rd(r);
        delegate(rd);
        byte[] params = new byte[64];
        params[8] = 48;
        add(EventKind.NS_WRITE).cpu(0).pa(0x8000_0000L).size(params.length).payload(params);
        rmi("RMI_REALM_CREATE", 0xC4000158L, rd, 0x8000_0000L);
        add(EventKind.GRANULE_STATE).pa(rd).from("DELEGATED").to("RD").realm(rd);
        add(EventKind.REALM_STATE).realm(rd).to("NEW");
        add(EventKind.MEASUREMENT).realm(rd).index(0).cmd("INIT").payload(hash());
        for (int i = 0; i < 8; i++) {
            long data = rd + 0x8000L + 0x1000L * i;
            delegate(data);
            rmi("RMI_DATA_CREATE", 0xC4000153L, rd, data, 0x1000L * i, 0x8000_1000L, 0);
            add(EventKind.GRANULE_STATE).pa(data).from("DELEGATED").to("DATA").realm(rd);
            add(EventKind.RTT_ENTRY).realm(rd).ipa(0x1000L * i).level(3).from("UNASSIGNED")
                    .fromRipas("EMPTY").to("ASSIGNED").toRipas("RAM").pa(data);
            add(EventKind.MEASUREMENT).realm(rd).index(0).cmd("DATA").payload(hash());
        }
        for (int c = 0; c < RECS; c++) {
            long rec = recPa(r, c);
            delegate(rec);
            rmi("RMI_REC_CREATE", 0xC400015AL, rd, rec, 0x8000_2000L);
            add(EventKind.GRANULE_STATE).pa(rec).from("DELEGATED").to("REC").realm(rd);
            add(EventKind.REC_STATE).realm(rd).rec(rec).to("READY");
        }
        rmi("RMI_REALM_ACTIVATE", 0xC4000157L, rd);
        add(EventKind.REALM_STATE).realm(rd).from("NEW").to("ACTIVE");
    }

    private void run(int r, int c) {
        long rd = rd(r);
        long rec = recPa(r, c);
        long ipa = 0x1000L * random.nextInt(64) + 8L * random.nextInt(16);
        int op = random.nextInt(10);
        String step = op < 4 ? "read" : op < 7 ? "write" : "call";
        TraceEvent.Builder s = add(EventKind.GUEST_STEP).rec(rec).cmd(step);
        if (step.equals("call")) {
            s.fid(0xC4000196L).args(new long[] {ipa});
        } else {
            s.ipa(ipa).size(8).index(1);
            if (step.equals("write")) s.value(random.nextInt(4) == 0 ? random.nextLong() : 0);
        }
        add(EventKind.RMI_CALL).cpu(c).cmd("RMI_REC_ENTER").fid(0xC400015CL)
                .args(new long[] {rec, 0x8000_3000L}).status("RMI_SUCCESS").index(0)
                .out(new long[0]);
        add(EventKind.REC_STATE).realm(rd).rec(rec).from("READY").to("RUNNING");
        if (step.equals("call")) {
            add(EventKind.RSI_CALL).realm(rd).rec(rec).fid(0xC4000196L).cmd("RSI_IPA_STATE_GET")
                    .args(new long[] {ipa}).status("RSI_SUCCESS").value(0).out(new long[] {1});
            exit(rd, rec, "IRQ", 0, ipa);
        } else if (ipa >= 0x8000L) {
            add(EventKind.STAGE2_FAULT).realm(rd).rec(rec).ipa(ipa)
                    .access(step.equals("read") ? "READ" : "WRITE").half("PROTECTED")
                    .ripas("RAM").from("UNASSIGNED").outcome("EXIT_TO_HOST");
            exit(rd, rec, "SYNC", 0x9200_0046L, ipa);
        } else {
            exit(rd, rec, "IRQ", 0, ipa);
        }
        add(EventKind.REC_STATE).realm(rd).rec(rec).from("RUNNING").to("READY");
    }

    private void exit(long rd, long rec, String reason, long esr, long ipa) {
        add(EventKind.REC_EXIT).realm(rd).rec(rec).exitReason(reason).esr(esr)
                .far(esr == 0 ? 0 : ipa).hpfar(esr == 0 ? 0 : (ipa >>> 8))
                .out(new long[] {0, random.nextInt(4)});
    }

    private byte[] hash() {
        byte[] h = new byte[32];
        random.nextBytes(h);
        return h;
    }
}
