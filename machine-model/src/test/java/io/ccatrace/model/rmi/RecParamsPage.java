package io.ccatrace.model.rmi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A host-side RmiRecParams page built from the reference's layout (9.2). */
public final class RecParamsPage {
    public long flags = 1;
    public long mpidr;
    public long pc;
    public long[] gprs = new long[8];
    public long numAux = 16;
    public long[] aux = new long[16];

    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x000, flags);
        b.putLong(0x100, mpidr);
        b.putLong(0x200, pc);
        for (int i = 0; i < 8; i++) b.putLong(0x300 + 8 * i, gprs[i]);
        b.putLong(0x800, numAux);
        for (int i = 0; i < 16; i++) b.putLong(0x808 + 8 * i, aux[i]);
        return b.array();
    }
}
