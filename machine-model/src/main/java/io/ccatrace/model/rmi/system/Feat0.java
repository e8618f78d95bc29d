package io.ccatrace.model.rmi.system;

/** Field view of an RmiFeatureRegister0 value (reference 2.5, 1.0-rel0 layout). */
public record Feat0(long value) {
    public int s2sz() { return (int) bits(0, 8); }
    public boolean lpa2() { return bits(8, 1) != 0; }
    public boolean sveEn() { return bits(9, 1) != 0; }
    public long sveVl() { return bits(10, 4); }
    public long numBps() { return bits(14, 6); }
    public long numWps() { return bits(20, 6); }
    public boolean pmuEn() { return bits(26, 1) != 0; }
    public long pmuNumCtrs() { return bits(27, 5); }
    public boolean sha256() { return bits(32, 1) != 0; }
    public boolean sha512() { return bits(33, 1) != 0; }
    public long gicNumLrs() { return bits(34, 4); }
    public int maxRecsOrder() { return (int) bits(38, 4); }

    private long bits(int lo, int width) {
        return (value >>> lo) & ((1L << width) - 1);
    }
}
