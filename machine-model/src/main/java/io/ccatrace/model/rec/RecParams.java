package io.ccatrace.model.rec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** RmiRecParams as the RMM reads it from the host's 4 KiB page (reference 9.2). */
public record RecParams(long flags, long mpidr, long pc, long[] gprs, long numAux, long[] aux) {
    public static final long FLAG_RUNNABLE = 1;
    public static final int MAX_AUX = 16;
    public static final int GPRS = 8;

    /** Offsets of the fields in the page. */
    public static final int OFF_FLAGS = 0x000, OFF_MPIDR = 0x100, OFF_PC = 0x200,
            OFF_GPRS = 0x300, OFF_NUM_AUX = 0x800, OFF_AUX = 0x808;

    public RecParams {
        gprs = gprs.clone();
        aux = aux.clone();
    }

    public static RecParams parse(byte[] page) {
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        long[] gprs = new long[GPRS];
        for (int i = 0; i < GPRS; i++) gprs[i] = b.getLong(OFF_GPRS + 8 * i);
        long[] aux = new long[MAX_AUX];
        for (int i = 0; i < MAX_AUX; i++) aux[i] = b.getLong(OFF_AUX + 8 * i);
        return new RecParams(b.getLong(OFF_FLAGS), b.getLong(OFF_MPIDR), b.getLong(OFF_PC),
                gprs, b.getLong(OFF_NUM_AUX), aux);
    }

    public boolean runnable() {
        return (flags & FLAG_RUNNABLE) != 0;
    }

    @Override
    public long[] gprs() { return gprs.clone(); }

    @Override
    public long[] aux() { return aux.clone(); }
}
