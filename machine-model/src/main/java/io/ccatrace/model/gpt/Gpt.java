package io.ccatrace.model.gpt;

import io.ccatrace.model.memory.BankIndex;
import io.ccatrace.model.memory.DramBank;
import java.util.List;

/**
 * The Granule Protection Table: the PAS of every DRAM granule. Only the EL3 monitor
 * changes it (package-private setter); everyone else reads.
 */
public final class Gpt {
    private static final Pas[] VALUES = Pas.values();
    private final BankIndex index;
    private final byte[][] pas;

    public Gpt(List<DramBank> banks) {
        this.index = new BankIndex(banks);
        this.pas = new byte[banks.size()][];
        for (int i = 0; i < pas.length; i++) {
            pas[i] = new byte[index.granules(i)];
            java.util.Arrays.fill(pas[i], (byte) banks.get(i).bootPas().ordinal());
        }
    }

    /** PAS of the granule holding pa; addresses outside DRAM are ROOT (nobody may use them). */
    public Pas pasOf(long pa) {
        return pasOf(index.bankOf(pa), pa);
    }

    /**
     * As {@link #pasOf(long)} for a pa whose DRAM bank the caller has found already (the
     * index of {@link io.ccatrace.model.memory.PhysicalMemory#bankOf} over the same banks, -1
     * outside DRAM): the host's access path looks the bank up once for the check and the copy.
     */
    public Pas pasOf(int bank, long pa) {
        return bank < 0 ? Pas.ROOT : VALUES[pas[bank][index.granule(bank, pa)]];
    }

    /** Whether an access from world `from` to pa passes the granule protection check. */
    public boolean allows(Pas from, long pa) {
        Pas p = pasOf(pa);
        return p == from || from == Pas.ROOT;
    }

    void set(long pa, Pas to) {
        int b = index.bankOf(pa);
        if (b < 0) throw new IllegalArgumentException("no GPT entry for 0x" + Long.toHexString(pa));
        pas[b][index.granule(b, pa)] = (byte) to.ordinal();
    }
}
