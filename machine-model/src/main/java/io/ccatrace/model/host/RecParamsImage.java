package io.ccatrace.model.host;

/** RmiRecParams as the host writes it for RMI_REC_CREATE (reference 9.2). */
public record RecParamsImage(boolean runnable, long mpidr, long pc, long[] gprs, long[] aux) {
    /** RmiRecMpidr of REC index i (reference 4.9: Aff0[3:0], Aff1[15:8], Aff2, Aff3). */
    public static long mpidr(int index) {
        return (index & 0xF) | ((long) ((index >> 4) & 0xFF) << 8)
                | ((long) ((index >> 12) & 0xFF) << 16) | ((long) ((index >> 20) & 0xFF) << 24);
    }

    public byte[] bytes() {
        PageImage p = new PageImage()
                .put64(0x000, runnable ? 1 : 0)
                .put64(0x100, mpidr)
                .put64(0x200, pc);
        for (int i = 0; i < Math.min(8, gprs.length); i++) p.put64(0x300 + 8 * i, gprs[i]);
        p.put64(0x800, aux.length);
        for (int i = 0; i < aux.length; i++) p.put64(0x808 + 8 * i, aux[i]);
        return p.bytes();
    }
}
