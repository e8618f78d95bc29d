package io.ccatrace.model.property;

import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.realm.RealmParams;
import io.ccatrace.model.rec.RecParams;
import io.ccatrace.model.rmi.CommandTable;
import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rsi.RealmCallTable;
import io.ccatrace.model.rtt.RttGeometry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random host operations for a model. Every command registered in the model's RMI table is
 * generated (with arguments shaped by its reference signature, section 3, when known; any
 * register value otherwise), and every realm call of its RSI table can be a guest step.
 */
final class HostOps {
    private static final Arbitrary<Long> RD = Pools.rd();
    private static final Arbitrary<Long> REC = Pools.rec();
    /** Argument kinds per command, reference section 3 (x1.. in order). */
    private static final Map<String, List<Arbitrary<Long>>> ARGS = Map.ofEntries(
            Map.entry("RMI_VERSION", List.of(Arbitraries.of(0x10000L, 0x20000L, 0L))),
            Map.entry("RMI_FEATURES", List.of(Pools.small())),
            Map.entry("RMI_GRANULE_DELEGATE", List.of(Pools.pa())),
            Map.entry("RMI_GRANULE_UNDELEGATE", List.of(Pools.pa())),
            Map.entry("RMI_DATA_CREATE", List.of(RD, Pools.pa(), Pools.ipa(),
                    Arbitraries.frequency(Tuple.of(9, Pools.SRC), Tuple.of(1, Pools.DRAM)),
                    Arbitraries.of(0L, 1L, 2L))),
            Map.entry("RMI_DATA_CREATE_UNKNOWN", List.of(RD, Pools.pa(), Pools.ipa())),
            Map.entry("RMI_DATA_DESTROY", List.of(RD, Pools.ipa())),
            Map.entry("RMI_REALM_ACTIVATE", List.of(RD)),
            Map.entry("RMI_REALM_CREATE", List.of(RD, Arbitraries.of(Pools.P_REALM))),
            Map.entry("RMI_REALM_DESTROY", List.of(RD)),
            Map.entry("RMI_REC_CREATE", List.of(RD, REC, Arbitraries.of(Pools.P_REC))),
            Map.entry("RMI_REC_DESTROY", List.of(REC)),
            Map.entry("RMI_REC_ENTER", List.of(REC,
                    Arbitraries.frequency(Tuple.of(9, Pools.RUN), Tuple.of(1, Pools.DRAM)))),
            Map.entry("RMI_RTT_CREATE", List.of(RD, Pools.pa(), Pools.ipa(), Pools.level())),
            Map.entry("RMI_RTT_DESTROY", List.of(RD, Pools.ipa(), Pools.level())),
            Map.entry("RMI_RTT_FOLD", List.of(RD, Pools.ipa(), Pools.level())),
            Map.entry("RMI_RTT_MAP_UNPROTECTED", List.of(RD, Pools.ipa(), Pools.level(), Pools.desc())),
            Map.entry("RMI_RTT_UNMAP_UNPROTECTED", List.of(RD, Pools.ipa(), Pools.level())),
            Map.entry("RMI_RTT_READ_ENTRY", List.of(RD, Pools.ipa(), Pools.level())),
            Map.entry("RMI_RTT_INIT_RIPAS", List.of(RD, Pools.ipa(), Pools.ipa())),
            Map.entry("RMI_RTT_SET_RIPAS", List.of(RD, REC, Pools.ipa(), Pools.ipa())),
            Map.entry("RMI_PSCI_COMPLETE", List.of(REC, REC, Pools.psciStatus())),
            Map.entry("RMI_REC_AUX_COUNT", List.of(RD)));

    private HostOps() {
    }

    static Arbitrary<HostOp> any(RmmModel model) {
        return Arbitraries.frequencyOf(
                Tuple.of(30, rmi(model.table())),
                Tuple.of(8, realmSetup(model.table())),
                Tuple.of(8, tables(model.table())),
                Tuple.of(8, recSetup(model.table())),
                Tuple.of(6, data(model.table())),
                Tuple.of(2, Pools.rdGranule().map(rd -> call(model.table(), "RMI_REALM_ACTIVATE", rd))),
                Tuple.of(3, initRipas(model.table())),
                Tuple.of(4, Combinators.combine(Pools.rdGranule(), Pools.ipa()).as((rd, ipa) ->
                        call(model.table(), "RMI_DATA_DESTROY", rd, ipa))),
                Tuple.of(3, Combinators.combine(Pools.rdGranule(), Pools.ipa(), Pools.desc()).as((rd, ipa, d) ->
                        call(model.table(), "RMI_RTT_MAP_UNPROTECTED", rd, ipa, 3, d))),
                Tuple.of(12, enter(model.table())),
                Tuple.of(14, guest(model.realmCalls())),
                Tuple.of(3, recRun()),
                Tuple.of(3, hostWrite()),
                Tuple.of(1, Pools.pa().map(HostOp.NsRead::new)));
    }

    /** Any registered RMI command with fitting (or hostile) arguments. */
    static Arbitrary<HostOp> rmi(CommandTable table) {
        List<Arbitrary<HostOp>> perCommand = new ArrayList<>();
        for (CommandTable.Entry e : table.entries()) {
            List<Arbitrary<Long>> kinds = ARGS.get(e.name());
            if (kinds == null || kinds.size() != e.argCount()) {
                kinds = new ArrayList<>();
                for (int i = 0; i < e.argCount(); i++) {
                    kinds.add(Arbitraries.oneOf(Pools.pa(), Pools.ipa(), Pools.small()));
                }
            }
            perCommand.add(Combinators.combine(kinds).as(args -> new HostOp.Rmi(e.name(),
                    e.fid(), args.stream().mapToLong(Long::longValue).toArray())));
        }
        return Arbitraries.oneOf(perCommand);
    }

    private static HostOp.Rmi call(CommandTable t, String name, long... args) {
        return new HostOp.Rmi(name, t.byName(name).fid(), args);
    }

    /** Delegate an RD and its starting RTT(s), write RealmParams, REALM_CREATE. */
    static Arbitrary<HostOp> realmSetup(CommandTable t) {
        // (s2sz, starting level, number of starting tables): valid pairs of reference 11.3,
        // and one invalid one
        Arbitrary<long[]> geometry = Arbitraries.of(new long[] {40, 0, 1}, new long[] {39, 1, 1},
                new long[] {40, 1, 2}, new long[] {33, 2, 8});
        return Combinators.combine(Pools.rdGranule(), Pools.memGranule(), geometry,
                Arbitraries.longs().between(0, 3)).as((rd, rtt, geo, vmid) -> {
                    List<HostOp> s = new ArrayList<>();
                    s.add(call(t, "RMI_GRANULE_DELEGATE", rd));
                    for (int i = 0; i < geo[2]; i++) s.add(call(t, "RMI_GRANULE_DELEGATE", rtt + 0x1000L * i));
                    s.add(new HostOp.NsWrite("realm_params", Pools.P_REALM,
                            realmParams(geo[0], geo[1], geo[2], rtt, vmid)));
                    s.add(call(t, "RMI_REALM_CREATE", rd, Pools.P_REALM));
                    return new HostOp.Setup("realm", s);
                });
    }

    /** Delegate three granules and create level 1..3 tables over an IPA. */
    static Arbitrary<HostOp> tables(CommandTable t) {
        Arbitrary<Long> where = Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(0L)),
                Tuple.of(3, Pools.ipa()));
        return Combinators.combine(Pools.rdGranule(), Pools.memGranule(), where)
                .as((rd, first, ipa) -> {
                    List<HostOp> s = new ArrayList<>();
                    for (int l = 1; l <= 3; l++) {
                        long rtt = Pools.granule((int) ((first - Pools.DRAM) / 0x1000 + l - 1) % Pools.POOL);
                        s.add(call(t, "RMI_GRANULE_DELEGATE", rtt));
                        s.add(call(t, "RMI_RTT_CREATE", rd, rtt, ipa & -RttGeometry.size(l - 1), l));
                    }
                    return new HostOp.Setup("tables", s);
                });
    }

    /** Delegate a granule and make it DATA at a page IPA (with or without content). */
    static Arbitrary<HostOp> data(CommandTable t) {
        Arbitrary<Long> page = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(0L, 0x1000L, 0x2000L,
                0x3000L, 0x5000L)), Tuple.of(2, Pools.ipa()));
        return Combinators.combine(Pools.rdGranule(), Pools.memGranule(), page,
                Arbitraries.of(0L, 1L, 2L)).as((rd, data, ipa, how) -> new HostOp.Setup("data",
                        List.of(call(t, "RMI_GRANULE_DELEGATE", data), how == 2
                                ? call(t, "RMI_DATA_CREATE_UNKNOWN", rd, data, ipa)
                                : call(t, "RMI_DATA_CREATE", rd, data, ipa, Pools.SRC, how))));
    }

    static Arbitrary<HostOp> initRipas(CommandTable t) {
        return Combinators.combine(Pools.rdGranule(), Pools.ipa(), Arbitraries.of(0x1000L, 0x3000L, 0x20_0000L))
                .as((rd, base, len) -> call(t, "RMI_RTT_INIT_RIPAS", rd, base, base + len));
    }

    /** Delegate a REC and a block of 16 aux granules, write RecParams, REC_CREATE. */
    static Arbitrary<HostOp> recSetup(CommandTable t) {
        return Combinators.combine(Pools.rdGranule(), Pools.recGranule(),
                Arbitraries.integers().between(0, 3),
                Arbitraries.frequency(Tuple.of(1, 0L), Tuple.of(4, 1L)),
                Arbitraries.frequency(Tuple.of(6, 0L), Tuple.of(3, 1L), Tuple.of(1, 2L)))
                .as((rd, rec, block, flags, mpidr) -> {
                    List<HostOp> s = new ArrayList<>();
                    s.add(call(t, "RMI_GRANULE_DELEGATE", rec));
                    long[] aux = new long[Pools.AUX_COUNT];
                    for (int i = 0; i < aux.length; i++) {
                        aux[i] = Pools.AUX + 0x1000L * (block * Pools.AUX_COUNT + i);
                        s.add(call(t, "RMI_GRANULE_DELEGATE", aux[i]));
                    }
                    s.add(new HostOp.NsWrite("rec_params", Pools.P_REC, recParams(flags, mpidr, aux)));
                    s.add(call(t, "RMI_REC_CREATE", rd, rec, Pools.P_REC));
                    return new HostOp.Setup("rec", s);
                });
    }

    static Arbitrary<HostOp> enter(CommandTable t) {
        return Pools.recGranule().map(rec -> call(t, "RMI_REC_ENTER", rec, Pools.RUN));
    }

    /** A guest step for a pool REC: any realm call of the table, an access, or an event. */
    static Arbitrary<HostOp> guest(RealmCallTable calls) {
        List<Arbitrary<GuestStep>> perCall = new ArrayList<>();
        Arbitrary<Long> arg = Arbitraries.oneOf(Pools.ipa(), Pools.small());
        for (RealmCallTable.Entry e : calls.entries()) {
            perCall.add(arg.list().ofSize(e.argCount())
                    .map(a -> GuestStep.call(e.fid(), a.stream().mapToLong(Long::longValue).toArray())));
        }
        Arbitrary<GuestStep> call = Arbitraries.oneOf(perCall);
        Arbitrary<GuestStep> access = Combinators.combine(
                Arbitraries.of(GuestStep.Op.READ, GuestStep.Op.WRITE, GuestStep.Op.EXEC), Pools.ipa(),
                Arbitraries.of(1, 2, 4, 8), Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)))
                .as((op, ipa, size, isv) -> new GuestStep(op, 0, new long[0], ipa, 0x5a & ((1L << (8 * size)) - 1),
                        size, isv));
        Arbitrary<GuestStep> other = Arbitraries.oneOf(
                Pools.ipa().map(ipa -> GuestStep.hostCall(3, ipa)),
                Arbitraries.of(GuestStep.Op.WFI, GuestStep.Op.WFE, GuestStep.Op.IRQ, GuestStep.Op.FIQ)
                        .map(GuestStep::of),
                Arbitraries.just(GuestStep.hvc(1)));
        Arbitrary<GuestStep> step = Arbitraries.frequencyOf(Tuple.of(5, call), Tuple.of(4, access),
                Tuple.of(2, other));
        return Combinators.combine(Pools.rec(), step).as(HostOp.Guest::new);
    }

    /** The host fills in the RecRun entry half: flags and x0 for the realm. */
    static Arbitrary<HostOp> recRun() {
        return Combinators.combine(Arbitraries.longs().between(0, 31), Arbitraries.longs())
                .as((flags, x0) -> {
                    ByteBuffer b = ByteBuffer.allocate(0x800).order(ByteOrder.LITTLE_ENDIAN);
                    b.putLong(0, flags);
                    b.putLong(0x200, x0);
                    return new HostOp.NsWrite("rec_run flags=" + flags, Pools.RUN, b.array());
                });
    }

    /** The host writes a whole granule of its choice (a GPF when it is not NS). */
    static Arbitrary<HostOp> hostWrite() {
        return Combinators.combine(Pools.pa().filter(p -> (p & 0xFFF) == 0),
                Arbitraries.integers().between(1, 255)).as((pa, v) -> {
                    byte[] b = new byte[4096];
                    java.util.Arrays.fill(b, (byte) (int) v);
                    return new HostOp.NsWrite("fill " + v, pa, b);
                });
    }

    static byte[] realmParams(long s2sz, long level, long num, long rtt, long vmid) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(RealmParams.OFF_S2SZ, s2sz);
        b.putLong(RealmParams.OFF_NUM_BPS, 2);
        b.putLong(RealmParams.OFF_NUM_WPS, 2);
        b.putShort(RealmParams.OFF_VMID, (short) vmid);
        b.putLong(RealmParams.OFF_RTT_BASE, rtt);
        b.putLong(RealmParams.OFF_RTT_LEVEL_START, level);
        b.putLong(RealmParams.OFF_RTT_NUM_START, num);
        return b.array();
    }

    static byte[] recParams(long flags, long mpidr, long[] aux) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(RecParams.OFF_FLAGS, flags);
        b.putLong(RecParams.OFF_MPIDR, mpidr);
        b.putLong(RecParams.OFF_NUM_AUX, aux.length);
        for (int i = 0; i < aux.length; i++) b.putLong(RecParams.OFF_AUX + 8 * i, aux[i]);
        return b.array();
    }
}
