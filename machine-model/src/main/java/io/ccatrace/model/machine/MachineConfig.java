package io.ccatrace.model.machine;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.memory.DramBank;
import java.util.List;

/**
 * Static configuration of the simulated machine: DRAM map, CPUs, PA width, VMID width,
 * seed, RMM model id, and the PE features the RMM reports in RMI_FEATURES (reference 2.5;
 * counts are the real numbers, FEAT0 encodes them as the spec says).
 */
public record MachineConfig(List<DramBank> dram, int cpus, int paBits, int vmidBits, long seed,
                            String rmmModel, int numBps, int numWps, int pmuNumCtrs,
                            boolean sve, int sveVl, int gicNumLrs) {

    public static final long DEFAULT_DRAM_BASE = 0x8000_0000L;
    public static final long DEFAULT_DRAM_SIZE = 1L << 30;

    public MachineConfig {
        dram = List.copyOf(dram);
        if (cpus < 1) throw new IllegalArgumentException("cpus must be >= 1");
        if (vmidBits != 8 && vmidBits != 16) throw new IllegalArgumentException("vmid_bits must be 8 or 16");
    }

    /** The script format's defaults: one 1 GiB NS bank at 0x8000_0000, 1 CPU, 48-bit PA. */
    public static MachineConfig defaults() {
        return new MachineConfig(List.of(new DramBank(DEFAULT_DRAM_BASE, DEFAULT_DRAM_SIZE, Pas.NS)),
                1, 48, 16, 0, "1.0", 6, 4, 8, true, 3, 16);
    }

    public MachineConfig withDram(List<DramBank> banks) {
        return new MachineConfig(banks, cpus, paBits, vmidBits, seed, rmmModel, numBps, numWps,
                pmuNumCtrs, sve, sveVl, gicNumLrs);
    }

    public MachineConfig withCpus(int n) {
        return new MachineConfig(dram, n, paBits, vmidBits, seed, rmmModel, numBps, numWps,
                pmuNumCtrs, sve, sveVl, gicNumLrs);
    }

    public MachineConfig withPaBits(int bits) {
        return new MachineConfig(dram, cpus, bits, vmidBits, seed, rmmModel, numBps, numWps,
                pmuNumCtrs, sve, sveVl, gicNumLrs);
    }

    public MachineConfig withVmidBits(int bits) {
        return new MachineConfig(dram, cpus, paBits, bits, seed, rmmModel, numBps, numWps,
                pmuNumCtrs, sve, sveVl, gicNumLrs);
    }

    public MachineConfig withSeed(long s) {
        return new MachineConfig(dram, cpus, paBits, vmidBits, s, rmmModel, numBps, numWps,
                pmuNumCtrs, sve, sveVl, gicNumLrs);
    }

    public MachineConfig withRmmModel(String id) {
        return new MachineConfig(dram, cpus, paBits, vmidBits, seed, id, numBps, numWps,
                pmuNumCtrs, sve, sveVl, gicNumLrs);
    }
}
