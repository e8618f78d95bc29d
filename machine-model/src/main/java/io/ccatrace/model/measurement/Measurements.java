package io.ccatrace.model.measurement;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.realm.RealmParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Realm measurements (reference sections 9.6 and 10): the RIM hash chain over measurement
 * descriptors during construction, and REM extension. The only code that writes a
 * measurement slot; emits MEASUREMENT events.
 */
public final class Measurements {
    static final int DESC_SIZE = 0x100;
    static final int TYPE_DATA = 0, TYPE_REC = 1, TYPE_RIPAS = 2;

    private final EventBus bus;

    public Measurements(EventBus bus) {
        this.bus = bus;
    }

    /** H(data) with the realm's algorithm (0 = SHA-256, 1 = SHA-512). */
    public static byte[] hash(int algo, byte[] data) {
        try {
            return MessageDigest.getInstance(algo == 1 ? "SHA-512" : "SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RIM := H(RealmParams image with only the measured fields, reference 10.2). */
    public void init(Realm r) {
        RealmParams p = r.params();
        ByteBuffer img = page();
        img.putLong(RealmParams.OFF_FLAGS, p.flags());
        img.putLong(RealmParams.OFF_S2SZ, p.s2sz());
        img.putLong(RealmParams.OFF_SVE_VL, p.sveVl());
        img.putLong(RealmParams.OFF_NUM_BPS, p.numBps());
        img.putLong(RealmParams.OFF_NUM_WPS, p.numWps());
        img.putLong(RealmParams.OFF_PMU_NUM_CTRS, p.pmuNumCtrs());
        img.put(RealmParams.OFF_HASH_ALGO, (byte) p.hashAlgo());
        set(r, 0, "INIT", hash(p.hashAlgo(), img.array()));
    }

    /** DATA_CREATE: descriptor with ipa, flags and (if measured) the content hash. */
    public void extendData(Realm r, long ipa, long flags, byte[] content) {
        ByteBuffer d = descriptor(r, TYPE_DATA);
        d.putLong(0x50, ipa);
        d.putLong(0x58, flags);
        if (flags == 1) {
            d.position(0x60);
            d.put(hash(r.params().hashAlgo(), content));
        }
        set(r, 0, "DATA", hash(r.params().hashAlgo(), d.array()));
    }

    /** REC_CREATE of a runnable REC: descriptor with H(RecParams image of flags, pc, gprs). */
    public void extendRec(Realm r, long flags, long pc, long[] gprs) {
        ByteBuffer img = page();
        img.putLong(0x000, flags);
        img.putLong(0x200, pc);
        for (int i = 0; i < 8; i++) img.putLong(0x300 + 8 * i, gprs[i]);
        ByteBuffer d = descriptor(r, TYPE_REC);
        d.position(0x50);
        d.put(hash(r.params().hashAlgo(), img.array()));
        set(r, 0, "REC", hash(r.params().hashAlgo(), d.array()));
    }

    /** RTT_INIT_RIPAS, once per processed entry [base, top). */
    public void extendRipas(Realm r, long base, long top) {
        ByteBuffer d = descriptor(r, TYPE_RIPAS);
        d.putLong(0x50, base);
        d.putLong(0x58, top);
        set(r, 0, "RIPAS", hash(r.params().hashAlgo(), d.array()));
    }

    /** RSI_MEASUREMENT_EXTEND: REM[i] := H(REM[i] || value[0..size)). */
    public void extendRem(Realm r, int index, byte[] value) {
        int n = r.hashLength();
        byte[] in = Arrays.copyOf(r.measurement(index), n + value.length);
        System.arraycopy(value, 0, in, n, value.length);
        set(r, index, "EXTEND", hash(r.params().hashAlgo(), in));
    }

    private static ByteBuffer page() {
        return ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer descriptor(Realm r, int type) {
        ByteBuffer d = ByteBuffer.allocate(DESC_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        d.put(0, (byte) type);
        d.putLong(0x08, DESC_SIZE);
        d.position(0x10);
        d.put(r.measurement(0), 0, r.hashLength());
        return d;
    }

    private void set(Realm r, int index, String what, byte[] h) {
        byte[] slot = r.measurement(index);
        Arrays.fill(slot, (byte) 0);
        System.arraycopy(h, 0, slot, 0, h.length);
        bus.emit(new ModelEvent.Measurement(bus.seq(), bus.now(), bus.cause(), r.rd(), index,
                what, h.clone()));
    }
}
