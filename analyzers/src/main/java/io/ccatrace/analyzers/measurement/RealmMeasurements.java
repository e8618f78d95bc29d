package io.ccatrace.analyzers.measurement;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A realm's measurements as the analyzer recomputes them from the trace's own inputs
 * (reference 10.2, 10.3), next to the values the trace reports (MEASUREMENT rows and
 * RSI_MEASUREMENT_READ results).
 */
public final class RealmMeasurements {
    private final Hash hash;
    private byte[] rim = new byte[64];
    private final byte[][] reported = new byte[5][];
    private final byte[][] rems = new byte[5][];
    /** RIM values the last RMI call must have produced, in order. */
    private final ArrayDeque<byte[]> expected = new ArrayDeque<>();
    private long expectedFromSeq = -1;
    private String expectedCmd;

    public RealmMeasurements(int hashAlgo) {
        hash = new Hash(hashAlgo);
        for (int i = 1; i < 5; i++) rems[i] = new byte[64];
    }

    public Hash hash() {
        return hash;
    }

    /** RMM-computed chain value (what the RIM must be). */
    public byte[] rim() {
        return rim;
    }

    private void extendRim(byte[] descriptor, long seq, String cmd) {
        rim = hash.slot(descriptor);
        if (expected.isEmpty()) {
            expectedFromSeq = seq;
            expectedCmd = cmd;
        }
        expected.add(rim);
    }

    public void init(byte[] realmParams, long seq) {
        rim = new byte[64];
        expected.clear();
        extendRimImage(Descriptors.realmParamsImage(realmParams), seq);
    }

    private void extendRimImage(byte[] image, long seq) {
        rim = hash.slot(image);
        expectedFromSeq = seq;
        expectedCmd = "RMI_REALM_CREATE";
        expected.add(rim);
    }

    public void data(long ipa, long flags, byte[] srcPage, long seq) {
        byte[] content = flags == 1 ? hash.slot(srcPage) : null;
        extendRim(Descriptors.data(rim, ipa, flags, content), seq, "RMI_DATA_CREATE");
    }

    public void rec(byte[] recParams, long seq) {
        byte[] content = hash.slot(Descriptors.recParamsImage(recParams));
        extendRim(Descriptors.rec(rim, content), seq, "RMI_REC_CREATE");
    }

    public void ripas(long base, long top, long seq) {
        extendRim(Descriptors.ripas(rim, base, top), seq, "RMI_RTT_INIT_RIPAS");
    }

    /** The next RIM value a MEASUREMENT row must carry, or null if none is due. */
    public byte[] pollExpected() {
        return expected.poll();
    }

    /** The next expected RIM value without consuming it (the shadow consumes it). */
    public byte[] pollPeek() {
        return expected.peek();
    }

    public boolean hasExpected() {
        return !expected.isEmpty();
    }

    public int expectedCount() {
        return expected.size();
    }

    public long expectedFromSeq() {
        return expectedFromSeq;
    }

    public String expectedCmd() {
        return expectedCmd;
    }

    public void clearExpected() {
        expected.clear();
    }

    /** Resynchronises the chain to a reported value after a mismatch was reported. */
    public void resync(byte[] value) {
        rim = normalize(value);
        expected.clear();
    }

    public void report(int index, byte[] value) {
        if (index >= 0 && index < 5) reported[index] = normalize(value);
    }

    /** Last value the trace reported for a slot, or null. */
    public byte[] reported(int index) {
        return index >= 0 && index < 5 ? reported[index] : null;
    }

    /** REM[i] := H(REM[i][0..hashlen) || value[0..size)) (reference 10.3). Returns the new value. */
    public byte[] extendRem(int index, byte[] value, int size) {
        byte[] prev = Arrays.copyOf(rems[index], hash.length());
        rems[index] = hash.slot(prev, Arrays.copyOf(value, size));
        return rems[index];
    }

    public byte[] rem(int index) {
        return rems[index];
    }

    public void setRem(int index, byte[] v) {
        rems[index] = normalize(v);
    }

    /** A slot value padded or cut to 64 bytes. */
    public static byte[] normalize(byte[] v) {
        return v == null ? new byte[64] : Arrays.copyOf(v, 64);
    }

    public static boolean sameSlot(byte[] a, byte[] b) {
        return Arrays.equals(normalize(a), normalize(b));
    }
}
