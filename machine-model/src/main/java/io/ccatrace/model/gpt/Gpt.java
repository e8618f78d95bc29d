package io.ccatrace.model.gpt;

import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.memory.PhysicalMemory;
import java.util.List;

/**
 * The Granule Protection Table: the PAS of every DRAM granule. Only the EL3 monitor
 * changes it (package-private setter); everyone else reads.
 */
public final class Gpt {
    private static final Pas[] VALUES = Pas.values();
    private final List<DramBank> banks;
    private final byte[][] pas;

    public Gpt(List<DramBank> banks) {
        this.banks = List.copyOf(banks);
        this.pas = new byte[this.banks.size()][];
        for (int i = 0; i < pas.length; i++) {
            DramBank b = this.banks.get(i);
            pas[i] = new byte[Math.toIntExact(b.size() >>> PhysicalMemory.GRANULE_SHIFT)];
            java.util.Arrays.fill(pas[i], (byte) b.bootPas().ordinal());
        }
    }

    /** PAS of the granule holding pa; addresses outside DRAM are ROOT (nobody may use them). */
    public Pas pasOf(long pa) {
        for (int i = 0; i < banks.size(); i++) {
            DramBank b = banks.get(i);
            if (b.contains(pa)) {
                return VALUES[pas[i][(int) ((pa - b.base()) >>> PhysicalMemory.GRANULE_SHIFT)]];
            }
        }
        return Pas.ROOT;
    }

    /** Whether an access from world `from` to pa passes the granule protection check. */
    public boolean allows(Pas from, long pa) {
        Pas p = pasOf(pa);
        return p == from || from == Pas.ROOT;
    }

    void set(long pa, Pas to) {
        for (int i = 0; i < banks.size(); i++) {
            DramBank b = banks.get(i);
            if (b.contains(pa)) {
                pas[i][(int) ((pa - b.base()) >>> PhysicalMemory.GRANULE_SHIFT)] = (byte) to.ordinal();
                return;
            }
        }
        throw new IllegalArgumentException("no GPT entry for 0x" + Long.toHexString(pa));
    }
}
