package io.ccatrace.model.property;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The values random host operations draw from: a small pool of granules (so that calls
 * collide on the same objects often), a few host pages, IPAs on interesting boundaries of
 * both halves, and hostile values (misaligned, outside DRAM, Secure memory, anything).
 */
final class Pools {
    static final long DRAM = 0x8000_0000L;
    static final long SECURE = 0x9000_0000L;
    static final int POOL = 24;
    /** Host pages: realm params, REC params, RecRun, image source. */
    static final long P_REALM = DRAM + 0x10_0000, P_REC = P_REALM + 0x1000,
            RUN = P_REALM + 0x2000, SRC = P_REALM + 0x3000;
    /** Aux granules: four blocks of 16 (one per REC). */
    static final long AUX = DRAM + 0x20_0000;
    static final int AUX_COUNT = 16;

    private Pools() {
    }

    static MachineConfig machine() {
        return MachineConfig.defaults().withDram(List.of(
                new DramBank(DRAM, 0x40_0000, Pas.NS), new DramBank(SECURE, 0x4000, Pas.SECURE)));
    }

    static long granule(int i) {
        return DRAM + 0x1000L * i;
    }

    private static final long[] ALL = allGranuleArray();

    /** Every granule an op can name, for whole-machine invariant sweeps. */
    static long[] allGranules() {
        return ALL;
    }

    private static long[] allGranuleArray() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < POOL; i++) out.add(granule(i));
        for (long p = P_REALM; p <= SRC; p += 0x1000) out.add(p);
        for (int i = 0; i < 4 * AUX_COUNT; i++) out.add(AUX + 0x1000L * i);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static Arbitrary<Long> poolGranule() {
        return Arbitraries.integers().between(0, POOL - 1).map(Pools::granule);
    }

    /** Granules 0..1: where setups put RDs (and RD arguments mostly point). */
    static Arbitrary<Long> rdGranule() {
        return Arbitraries.integers().between(0, 1).map(Pools::granule);
    }

    /** Granules 4..9: where setups put RECs (and REC arguments mostly point). */
    static Arbitrary<Long> recGranule() {
        return Arbitraries.integers().between(4, 9).map(Pools::granule);
    }

    /** Granules 10..23: where setups put RTTs and DATA. */
    static Arbitrary<Long> memGranule() {
        return Arbitraries.integers().between(10, POOL - 1).map(Pools::granule);
    }

    /** An RD argument: one of the RD slots, or any PA. */
    static Arbitrary<Long> rd() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(80, rdGranule()),
                net.jqwik.api.Tuple.of(20, pa()));
    }

    /** A REC argument: one of the REC slots, or any PA. */
    static Arbitrary<Long> rec() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(80, recGranule()),
                net.jqwik.api.Tuple.of(20, pa()));
    }

    /** A physical address argument: mostly pool granules, sometimes hostile. */
    static Arbitrary<Long> pa() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(80, poolGranule()),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(P_REALM, P_REC, RUN, SRC, AUX, AUX + 0x5000)),
                net.jqwik.api.Tuple.of(4, poolGranule().map(p -> p + 0x800)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(0x1000L, DRAM + 0x40_0000, SECURE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs()));
    }

    /**
     * An IPA argument: mostly the first pages of the protected half (where tables and DATA
     * meet), then page, 2 MiB and 1 GiB boundaries in both halves of 39/40-bit realms, then
     * hostile values.
     */
    static Arbitrary<Long> ipa() {
        Arbitrary<Long> base = Arbitraries.of(0L, 0x1000L, 0x2000L, 0x3000L, 0x5000L, 0x1F_F000L,
                0x20_0000L, 0x4000_0000L, 0x80_0000L);
        Arbitrary<Long> half = Arbitraries.of(0L, 1L << 38, 1L << 39);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(50, Arbitraries.of(0L, 0x1000L, 0x2000L, 0x3000L)),
                net.jqwik.api.Tuple.of(40, net.jqwik.api.Combinators.combine(base, half).as((b, h) -> b | h)),
                net.jqwik.api.Tuple.of(7, Arbitraries.of(0x800L, 1L << 40, (1L << 39) - 0x1000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs()));
    }

    static Arbitrary<Long> level() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(90, Arbitraries.longs().between(0, 3)),
                net.jqwik.api.Tuple.of(10, Arbitraries.of(-1L, 4L, Long.MIN_VALUE)));
    }

    static Arbitrary<Long> small() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(90, Arbitraries.longs().between(0, 3)),
                net.jqwik.api.Tuple.of(10, Arbitraries.longs()));
    }

    /** RTT_MAP_UNPROTECTED descriptors: a page or block OA with attributes, or junk. */
    static Arbitrary<Long> desc() {
        Arbitrary<Long> good = net.jqwik.api.Combinators.combine(
                Arbitraries.of(granule(3), granule(4), DRAM, SECURE, 0x4000_0000L),
                Arbitraries.longs().between(0, 7), Arbitraries.longs().between(0, 3))
                .as((oa, attr, ap) -> oa | attr << 2 | ap << 6);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(90, good),
                net.jqwik.api.Tuple.of(10, Arbitraries.longs()));
    }

    /** PSCI status codes the host may answer with. */
    static Arbitrary<Long> psciStatus() {
        return Arbitraries.of(0L, -3L, -2L, -4L, 1L);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
