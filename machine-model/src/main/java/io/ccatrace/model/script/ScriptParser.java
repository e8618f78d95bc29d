package io.ccatrace.model.script;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.CommandTable;
import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rmi.RmmModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a whole action script (script-format.md) before anything runs: every line is
 * checked, and the first problem is reported as {@code line N: <what is wrong>}. RMI
 * command names are resolved against the command table of the RMM model the script runs on.
 */
public final class ScriptParser {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** SMCCC passes at most x1..x17. */
    private static final int MAX_SMC_ARGS = 17;
    private static final int GRANULE = 4096;

    private final String rmmOverride;

    /** A parser that takes the RMM model from the script's `machine` line. */
    public ScriptParser() {
        this(null);
    }

    /** A parser whose machine runs RMM model rmmOverride whatever the script says (--rmm). */
    public ScriptParser(String rmmOverride) {
        this.rmmOverride = rmmOverride;
    }

    public Script parse(Path file) throws IOException, ScriptException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public Script parse(String text) throws ScriptException {
        String[] lines = withoutByteOrderMark(text).split("\r?\n|\r", -1);
        MachineConfig config = null;
        CommandTable table = null;
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String s = lines[i].strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            JsonNode node = json(line, s);
            String op = opOf(new Fields(line, "script", node));
            if (op.equals("machine")) {
                if (config != null) {
                    throw new ScriptException(line, "machine must be the first action");
                }
                config = MachineJson.parse(new Fields(line, "machine", node), rmmOverride);
                table = RmmModels.byId(config.rmmModel()).table();
                continue;
            }
            if (config == null) {
                config = defaults(line);
                table = RmmModels.byId(config.rmmModel()).table();
            }
            actions.add(action(op, new Fields(line, op, node), config, table));
        }
        if (config == null) config = defaults(0);
        return new Script(config, actions);
    }

    /**
     * A UTF-8 byte order mark at the start of the file is not part of line 1 (editors on
     * Windows write one; RFC 8259 lets a JSON parser ignore it). Only the first character.
     */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private MachineConfig defaults(int line) throws ScriptException {
        MachineConfig d = MachineConfig.defaults();
        if (rmmOverride == null) return d;
        if (RmmModels.byId(rmmOverride) == null) {
            throw new ScriptException(line, "unknown RMM model '" + rmmOverride + "' (known: "
                    + String.join(", ", RmmModels.all().keySet()) + ")");
        }
        return d.withRmmModel(rmmOverride);
    }

    private static JsonNode json(int line, String s) throws ScriptException {
        try {
            return MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new ScriptException(line, "not valid JSON: " + JsonMessages.plain(e));
        }
    }

    private static String opOf(Fields f) throws ScriptException {
        JsonNode op = f.required("op");
        if (!op.isTextual()) throw f.error("op must be a string, got " + op);
        return op.textValue();
    }

    private static Action action(String op, Fields f, MachineConfig config, CommandTable table)
            throws ScriptException {
        f.optional("op");
        Action a;
        switch (op) {
            case "rmi":
                a = rmi(f, config, table);
                break;
            case "ns_write":
                a = nsWrite(f, config);
                break;
            case "ns_read":
                a = nsRead(f, config);
                break;
            case "realm":
                a = new Action.Realm(f.line(), f.u64("rec"), GuestSteps.parse(f,
                        RmmModels.byId(config.rmmModel()).realmCalls()));
                break;
            default:
                throw new ScriptException(f.line(), "unknown op '" + op
                        + "' (expected machine, rmi, ns_write, ns_read or realm)");
        }
        f.noOthers();
        return a;
    }

    private static int cpu(Fields f, MachineConfig config) throws ScriptException {
        return f.intIn("cpu", 0, 0, config.cpus() - 1);
    }

    private static Action rmi(Fields f, MachineConfig config, CommandTable table)
            throws ScriptException {
        boolean named = f.has("cmd");
        if (named == f.has("fid")) throw f.error("give exactly one of 'cmd' and 'fid'");
        int cpu = cpu(f, config);
        if (!named) {
            return new Action.Rmi(f.line(), cpu, f.u64("fid"), null,
                    f.u64List("args", MAX_SMC_ARGS));
        }
        String name = f.string("cmd", null);
        CommandTable.Entry e = table.byName(name);
        if (e == null) throw f.error(unknownCommand(name, config.rmmModel()));
        long[] args = f.u64List("args", MAX_SMC_ARGS);
        if (args.length != e.argCount()) {
            throw f.error(name + " takes " + e.argCount() + " argument"
                    + (e.argCount() == 1 ? "" : "s") + " (x1..), got " + args.length);
        }
        return new Action.Rmi(f.line(), cpu, e.fid(), name, args);
    }

    private static String unknownCommand(String name, String model) {
        for (RmmModel m : RmmModels.all().values()) {
            if (m.table().byName(name) != null) {
                return name + " is not a command of RMM model '" + model + "'";
            }
        }
        return "unknown RMI command '" + name + "'";
    }

    private static Action nsWrite(Fields f, MachineConfig config) throws ScriptException {
        int cpu = cpu(f, config);
        long pa = f.u64("pa");
        String kind = null;
        for (String k : new String[] {"realm_params", "rec_params", "rec_run", "bytes", "fill"}) {
            if (!f.has(k)) continue;
            if (kind != null) throw f.error("both '" + kind + "' and '" + k + "' given");
            kind = k;
        }
        if (kind == null) {
            throw f.error("needs one of realm_params, rec_params, rec_run, bytes, fill");
        }
        byte[] bytes;
        if (kind.equals("bytes")) {
            bytes = hexBytes(f);
        } else if (kind.equals("fill")) {
            requireAligned(f, pa, kind);
            bytes = new byte[GRANULE];
            java.util.Arrays.fill(bytes, (byte) f.intIn("fill", 0, 0, 255));
        } else {
            requireAligned(f, pa, kind);
            PageLayout layout = layout(kind);
            bytes = layout.serialise(new Fields(f.line(), "ns_write: " + kind,
                    f.required(kind)));
        }
        checkInGranule(f, pa, bytes.length);
        return new Action.NsWrite(f.line(), cpu, pa, bytes);
    }

    private static PageLayout layout(String name) {
        for (PageLayout l : PageLayout.ALL) {
            if (l.name().equals(name)) return l;
        }
        throw new IllegalArgumentException(name);
    }

    private static Action nsRead(Fields f, MachineConfig config) throws ScriptException {
        int cpu = cpu(f, config);
        long pa = f.u64("pa");
        int rest = GRANULE - (int) (pa & (GRANULE - 1));
        int len = f.intIn("len", rest, 1, GRANULE);
        checkInGranule(f, pa, len);
        return new Action.NsRead(f.line(), cpu, pa, len);
    }

    private static void requireAligned(Fields f, long pa, String what) throws ScriptException {
        if ((pa & (GRANULE - 1)) != 0) {
            throw f.error(what + " needs a 4 KiB aligned pa, got 0x" + Long.toHexString(pa));
        }
    }

    private static void checkInGranule(Fields f, long pa, int len) throws ScriptException {
        if ((pa & (GRANULE - 1)) + len > GRANULE) {
            throw f.error(len + " bytes at 0x" + Long.toHexString(pa)
                    + " cross a 4 KiB granule boundary");
        }
    }

    private static byte[] hexBytes(Fields f) throws ScriptException {
        String s = f.string("bytes", "");
        String t = (s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s)
                .replace("_", "");
        if (t.isEmpty() || t.length() % 2 != 0) {
            throw f.error("bytes must be an even, non-zero number of hex digits");
        }
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexDigit(t.charAt(2 * i));
            int lo = hexDigit(t.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) throw f.error("bytes: not a hex string \"" + s + "\"");
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
