package io.ccatrace.analyzers;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds synthetic traces row by row, filling the columns as docs/trace-format.md maps each
 * kind. Effects get cause_seq = the last input. Helpers produce the rows a spec-faithful
 * RMM emits for common flows (reference sections 4 and 7), so tests can start from a correct
 * trace and change one thing.
 */
public final class TraceBuilder {
    public static final long NULL = TraceEvent.NULL;
    /** Test realm geometry: s2sz 39, starting level 1 (one starting RTT, reference 11.3). */
    public static final int S2SZ = 39;
    public static final long UNPROTECTED = 1L << (S2SZ - 1);

    private final List<TraceEvent> events = new ArrayList<>();
    private long lastInput = -1;
    private long time;

    public List<TraceEvent> events() {
        return events;
    }

    public long nextSeq() {
        return events.size();
    }

    /** Seq of the last row added. */
    public long last() {
        return events.size() - 1;
    }

    private TraceEvent.Builder row(EventKind k) {
        TraceEvent.Builder b = TraceEvent.builder(events.size(), k).time(time += 10);
        if (!k.isInput()) b.causeSeq(lastInput);
        return b;
    }

    private TraceBuilder add(TraceEvent.Builder b) {
        TraceEvent e = b.build();
        if (e.isInput()) lastInput = e.seq();
        events.add(e);
        return this;
    }

    /** Replaces row seq by an edited copy (hand-editing a trace). */
    public TraceBuilder edit(long seq, java.util.function.UnaryOperator<TraceEvent.Builder> f) {
        events.set((int) seq, f.apply(events.get((int) seq).toBuilder()).build());
        return this;
    }

    public TraceBuilder rmi(String cmd, String status, long... args) {
        return rmiOut(cmd, status, new long[0], args);
    }

    public TraceBuilder rmiOut(String cmd, String status, long[] out, long... args) {
        return add(row(EventKind.RMI_CALL).cpu(0).cmd(cmd).status(status).index(0).args(args).out(out));
    }

    public TraceBuilder nsWrite(long pa, byte[] bytes) {
        return add(row(EventKind.NS_WRITE).cpu(0).pa(pa).size(bytes.length).payload(bytes));
    }

    public TraceBuilder nsRead(long pa, int size) {
        return add(row(EventKind.NS_READ).cpu(0).pa(pa).size(size));
    }

    public TraceBuilder step(long rec, String op, long fid, long ipa, long... args) {
        return add(row(EventKind.GUEST_STEP).rec(rec).cmd(op).fid(fid).ipa(ipa).args(args));
    }

    public TraceBuilder granule(long pa, String from, String to, long realm) {
        return add(row(EventKind.GRANULE_STATE).pa(pa).from(from).to(to).realm(realm));
    }

    public TraceBuilder pas(long pa, String from, String to) {
        return add(row(EventKind.PAS_CHANGE).pa(pa).from(from).to(to));
    }

    public TraceBuilder gpf(long pa, String pas) {
        return add(row(EventKind.GPF).cpu(0).pa(pa).pas(pas).access("WRITE"));
    }

    public TraceBuilder rtt(long realm, long ipa, int level, String from, String fromRipas, String to,
                            String toRipas, long pa) {
        return add(row(EventKind.RTT_ENTRY).realm(realm).ipa(ipa).level(level).from(from)
                .fromRipas(fromRipas).to(to).toRipas(toRipas).pa(pa));
    }

    public TraceBuilder realmState(long realm, String from, String to) {
        return add(row(EventKind.REALM_STATE).realm(realm).from(from).to(to));
    }

    public TraceBuilder recState(long realm, long rec, String from, String to) {
        return add(row(EventKind.REC_STATE).realm(realm).rec(rec).from(from).to(to));
    }

    public TraceBuilder measurement(long realm, int index, String what, byte[] value) {
        return add(row(EventKind.MEASUREMENT).realm(realm).index(index).cmd(what).payload(value));
    }

    public TraceBuilder rsi(long realm, long rec, String cmd, long fid, String status, long[] out, long... args) {
        return add(row(EventKind.RSI_CALL).realm(realm).rec(rec).cmd(cmd).fid(fid).status(status)
                .value(0).out(out).args(args));
    }

    public TraceBuilder exit(long realm, long rec, String reason, long esr, long hpfar) {
        return add(row(EventKind.REC_EXIT).realm(realm).rec(rec).exitReason(reason).esr(esr).far(0).hpfar(hpfar));
    }

    public TraceBuilder ripasExit(long realm, long rec, long base, long top, String ripas) {
        return add(row(EventKind.REC_EXIT).realm(realm).rec(rec).exitReason("RIPAS_CHANGE").esr(0)
                .ipa(base).value(top).ripas(ripas));
    }

    public TraceBuilder fault(long realm, long rec, long ipa, String ripas, String hipas, String outcome) {
        return add(row(EventKind.STAGE2_FAULT).realm(realm).rec(rec).ipa(ipa).access("READ")
                .half(ipa >= UNPROTECTED ? "UNPROTECTED" : "PROTECTED").ripas(ripas).from(hipas).outcome(outcome));
    }

    // ---- flows a correct RMM produces ----

    /** RMI_GRANULE_DELEGATE with its PAS and granule rows. */
    public TraceBuilder delegate(long pa) {
        rmi("RMI_GRANULE_DELEGATE", "RMI_SUCCESS", pa);
        pas(pa, "NS", "REALM");
        return granule(pa, "UNDELEGATED", "DELEGATED", NULL);
    }

    public TraceBuilder undelegate(long pa) {
        rmi("RMI_GRANULE_UNDELEGATE", "RMI_SUCCESS", pa);
        pas(pa, "REALM", "NS");
        return granule(pa, "DELEGATED", "UNDELEGATED", NULL);
    }

    /** RealmParams page (reference 9.1) with the test geometry. */
    public static byte[] realmParams(int hashAlgo, long rttBase) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x08, S2SZ);
        b.putLong(0x18, 1);
        b.putLong(0x20, 1);
        b.put(0x30, (byte) hashAlgo);
        b.putShort(0x800, (short) 1);
        b.putLong(0x808, rttBase);
        b.putLong(0x810, 1);
        b.putLong(0x818, 1);
        return b.array();
    }

    /** RecParams page (reference 9.2): runnable flag, mpidr, pc, no aux granules. */
    public static byte[] recParams(boolean runnable, long mpidr, long pc) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x000, runnable ? 1 : 0);
        b.putLong(0x100, mpidr);
        b.putLong(0x200, pc);
        return b.array();
    }

    /** RecRun page with enter.flags (reference 9.3). */
    public static byte[] recRun(long flags) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, flags);
        return b.array();
    }
}
