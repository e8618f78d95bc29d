package io.ccatrace.model.rmi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A host-side RmiRealmParams page, built from the reference's layout (9.1) independently of
 * the model's parser. Fields are public; defaults describe a valid 1.0 realm except for the
 * addresses (rtt_base) the caller fills in.
 */
public final class RealmParamsPage {
    public long flags;
    public long s2sz = 40;
    public long sveVl;
    public long numBps = 1;
    public long numWps = 1;
    public long pmuNumCtrs;
    public int hashAlgo;
    public byte[] rpv = new byte[64];
    public long vmid;
    public long rttBase;
    public long rttLevelStart = 1;
    public long rttNumStart = 2;

    /** The 4 KiB image (reference 9.1 offsets; numeric fields written as 8 bytes like Linux). */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x000, flags);
        b.putLong(0x008, s2sz);
        b.putLong(0x010, sveVl);
        b.putLong(0x018, numBps);
        b.putLong(0x020, numWps);
        b.putLong(0x028, pmuNumCtrs);
        b.put(0x030, (byte) hashAlgo);
        b.position(0x400);
        b.put(rpv, 0, 64);
        b.putShort(0x800, (short) vmid);
        b.putLong(0x808, rttBase);
        b.putLong(0x810, rttLevelStart);
        b.putLong(0x818, rttNumStart);
        return b.array();
    }
}
