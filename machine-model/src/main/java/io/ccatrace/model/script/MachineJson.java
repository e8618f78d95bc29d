package io.ccatrace.model.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.model.rmi.RmmModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The `machine` action and the canonical JSON form of a {@link MachineConfig}: the same
 * keys (rmm, dram, cpus, pa_bits, vmid_bits, seed) plus the PE features the RMM reports
 * (num_bps, num_wps, pmu_num_ctrs, sve, sve_vl, gic_num_lrs), which a script may also set.
 * The recorder stores {@link #toJson} in trace metadata; the replayer rebuilds the machine
 * with {@link #fromJson}. Same config, same string.
 */
public final class MachineJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MachineJson() {
    }

    /** Canonical one-line JSON: fixed key order, addresses and seed as lower-case hex. */
    public static String toJson(MachineConfig c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rmm", c.rmmModel());
        ArrayNode banks = o.putArray("dram");
        for (DramBank b : c.dram()) {
            ObjectNode bank = banks.addObject();
            bank.put("base", hex(b.base()));
            bank.put("size", hex(b.size()));
            bank.put("pas", b.bootPas().name());
        }
        o.put("cpus", c.cpus());
        o.put("pa_bits", c.paBits());
        o.put("vmid_bits", c.vmidBits());
        o.put("seed", hex(c.seed()));
        o.put("num_bps", c.numBps());
        o.put("num_wps", c.numWps());
        o.put("pmu_num_ctrs", c.pmuNumCtrs());
        o.put("sve", c.sve());
        o.put("sve_vl", c.sveVl());
        o.put("gic_num_lrs", c.gicNumLrs());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds a config from {@link #toJson}'s form (or any valid `machine` object). */
    public static MachineConfig fromJson(String json) throws ScriptException {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScriptException(0, "machine description is not JSON: "
                    + JsonMessages.plain(e));
        }
        return parse(new Fields(0, "machine", n), null);
    }

    /**
     * Reads a `machine` object. rmmOverride (may be null) replaces its rmm field, for
     * `ccatrace run --rmm`. Omitted keys take the contract's defaults.
     */
    static MachineConfig parse(Fields f, String rmmOverride) throws ScriptException {
        f.optional("op");
        MachineConfig d = MachineConfig.defaults();
        String rmm = f.string("rmm", d.rmmModel());
        if (rmmOverride != null) rmm = rmmOverride;
        if (RmmModels.byId(rmm) == null) {
            throw f.error("unknown RMM model '" + rmm + "' (known: "
                    + String.join(", ", RmmModels.all().keySet()) + ")");
        }
        int paBits = f.intIn("pa_bits", d.paBits(), 32, 52);
        List<DramBank> dram = f.has("dram") ? banks(f, paBits) : d.dram();
        int cpus = f.intIn("cpus", d.cpus(), 1, 256);
        JsonNode vmid = f.optional("vmid_bits");
        int vmidBits = d.vmidBits();
        if (vmid != null) {
            long v = f.u64(vmid, "vmid_bits");
            if (v != 8 && v != 16) throw f.error("vmid_bits must be 8 or 16, got " + v);
            vmidBits = (int) v;
        }
        long seed = f.u64("seed", d.seed());
        int numBps = f.intIn("num_bps", d.numBps(), 1, 64);
        int numWps = f.intIn("num_wps", d.numWps(), 1, 64);
        int pmu = f.intIn("pmu_num_ctrs", d.pmuNumCtrs(), 0, 31);
        boolean sve = f.bool("sve", d.sve());
        int sveVl = f.intIn("sve_vl", d.sveVl(), 0, 15);
        int lrs = f.intIn("gic_num_lrs", d.gicNumLrs(), 1, 16);
        f.noOthers();
        return new MachineConfig(dram, cpus, paBits, vmidBits, seed, rmm, numBps, numWps, pmu,
                sve, sveVl, lrs);
    }

    private static List<DramBank> banks(Fields f, int paBits) throws ScriptException {
        JsonNode list = f.required("dram");
        if (!list.isArray() || list.isEmpty()) throw f.error("dram must be a non-empty list");
        List<DramBank> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Fields b = new Fields(f.line(), "dram[" + i + "]", list.get(i));
            long base = b.u64("base");
            long size = b.u64("size");
            String pasName = b.string("pas", "NS");
            b.noOthers();
            if ((base & 0xFFF) != 0 || (size & 0xFFF) != 0 || size == 0) {
                throw b.error("base and size must be 4 KiB aligned and size non-zero");
            }
            if (!pasName.equals("NS") && !pasName.equals("SECURE")) {
                throw b.error("pas must be NS or SECURE, got '" + pasName + "'");
            }
            long end = base + size;
            if (Long.compareUnsigned(end, base) <= 0 || (paBits < 64
                    && Long.compareUnsigned(end, 1L << paBits) > 0)) {
                throw b.error("bank does not fit below 2^pa_bits (" + paBits + " bits)");
            }
            out.add(new DramBank(base, size, Pas.valueOf(pasName)));
        }
        List<DramBank> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingLong(DramBank::base));
        for (int i = 1; i < sorted.size(); i++) {
            DramBank prev = sorted.get(i - 1);
            if (Long.compareUnsigned(sorted.get(i).base(), prev.base() + prev.size()) < 0) {
                throw f.error("dram banks at " + hex(prev.base()) + " and "
                        + hex(sorted.get(i).base()) + " overlap");
            }
        }
        return out;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
