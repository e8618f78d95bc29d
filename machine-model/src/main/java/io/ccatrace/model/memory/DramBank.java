package io.ccatrace.model.memory;

import io.ccatrace.model.gpt.Pas;

/** A DRAM bank: [base, base+size), granule aligned, with the PAS it has at boot. */
public record DramBank(long base, long size, Pas bootPas) {
    public DramBank {
        if (!PhysicalMemory.isGranuleAligned(base) || !PhysicalMemory.isGranuleAligned(size)
                || size <= 0) {
            throw new IllegalArgumentException("bank must be granule aligned and non-empty");
        }
    }

    public boolean contains(long pa) {
        return Long.compareUnsigned(pa, base) >= 0 && Long.compareUnsigned(pa - base, size) < 0;
    }
}
