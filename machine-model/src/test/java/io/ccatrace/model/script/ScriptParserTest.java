package io.ccatrace.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.machine.MachineConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script contract's validation rules (script-format.md, "Script"). */
class ScriptParserTest {
    private static Script parse(String... lines) throws ScriptException {
        return new ScriptParser().parse(String.join("\n", lines));
    }

    private static ScriptException fails(String... lines) {
        return assertThrows(ScriptException.class, () -> parse(lines));
    }

    private static void failsWith(int line, String fragment, String... lines) {
        ScriptException e = fails(lines);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void blankAndCommentLinesAreIgnoredAndLinesAreCountedFromOne() throws Exception {
        Script s = parse("# a comment", "", "   ", "  # indented comment",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[\"0x1_0000\"]}");
        assertEquals(1, s.actions().size());
        Action.Rmi r = (Action.Rmi) s.actions().get(0);
        assertEquals(5, r.line());
        assertEquals(0xC4000150L, r.fid());
        assertArrayEquals(new long[] {0x10000}, r.args());
    }

    /**
     * script-format.md: hex "(underscores allowed)", with no rule on where, so a doubled,
     * leading or trailing underscore is a spelling the contract permits and carries no value
     * (before the h3 audit "1__0", "0x_10" and "10_" were refused as malformed).
     */
    @Test
    void numbersMayBeIntsHexWithUnderscoresOrDecimalStrings() throws Exception {
        Script s = parse("{\"op\":\"rmi\",\"fid\":\"0x_C400_0151\",\"args\":[4096,\"0x8800_0000\","
                + "\"12_288\",\"0xffff_ffff_ffff_ffff\",18446744073709551615,\"1__0\","
                + "\"0x8000__0000_\",\"_12\",\"0X_f_f\"]}");
        Action.Rmi r = (Action.Rmi) s.actions().get(0);
        assertEquals(0xC4000151L, r.fid());
        assertArrayEquals(new long[] {4096, 0x8800_0000L, 12288, -1L, -1L, 10, 0x8000_0000L, 12,
            0xFF}, r.args());
    }

    @Test
    void malformedNumbersAreRejectedWithTheirLine() {
        failsWith(2, "args[0]", "{\"op\":\"ns_read\",\"pa\":\"0x80000000\"}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x8g\"]}");
        failsWith(1, "negative", "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[-1]}");
        failsWith(1, "64 bits",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x1_0000_0000_0000_0000\"]}");
        failsWith(1, "expected a number",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[1.5]}");
        failsWith(1, "malformed", "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x\"]}");
        failsWith(1, "malformed", "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"0x_\"]}");
        failsWith(1, "malformed", "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"_\"]}");
        failsWith(1, "malformed", "{\"op\":\"rmi\",\"cmd\":\"RMI_GRANULE_DELEGATE\",\"args\":[\"_0x10\"]}");
    }

    /**
     * A JSON syntax error is said in the parser's words but without its Java names (class,
     * feature and constraint names, the redacted source location), which no script author can
     * act on. Before the h3 audit a trailing value read "(bound as
     * `com.fasterxml.jackson.databind.JsonNode`): not allowed as per
     * `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`".
     */
    @Test
    void jsonErrorsCarryNoJavaNames() {
        String[] lines = {
            "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0]} {}",
            "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[NaN]}",
            "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[+1]}",
            "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0]",
            "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0]]",
            "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[" + "9".repeat(1001) + "]}",
            "{\"op\":\"rmi\",\"args\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
        };
        for (String line : lines) {
            String m = fails(line).getMessage();
            assertTrue(m.startsWith("line 1: not valid JSON: "), m);
            for (String java : new String[] {"`", "jackson", "Feature", "Constraints", "Source"}) {
                assertFalse(m.contains(java), m);
            }
        }
        assertTrue(fails(lines[0]).getMessage().contains("more than one JSON value"));
        String big = fails("{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":["
                + "9".repeat(400) + "]}").getMessage();
        assertTrue(big.contains("99999999999999999999... (400 digits) does not fit in 64 bits"), big);
    }

    @Test
    void unknownOpMissingFieldUnknownFieldAndBadJsonAreErrors() {
        failsWith(1, "unknown op 'smc'", "{\"op\":\"smc\"}");
        failsWith(1, "missing field 'op'", "{\"cmd\":\"RMI_VERSION\"}");
        failsWith(1, "missing field 'args'", "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\"}");
        failsWith(1, "unknown field 'expect'",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0],\"expect\":\"RMI_SUCCESS\"}");
        failsWith(1, "not valid JSON", "{\"op\":\"rmi\",");
        failsWith(1, "not valid JSON", "{\"op\":\"rmi\"} {\"op\":\"rmi\"}");
        failsWith(1, "expected a JSON object", "[1,2]");
        failsWith(1, "not valid JSON", "{\"op\":\"ns_read\",\"pa\":1,\"pa\":2}");
    }

    @Test
    void rmiNeedsAKnownNameOrARawFidWithTheRightArgumentCount() throws Exception {
        failsWith(1, "unknown RMI command 'RMI_FOO'",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_FOO\",\"args\":[]}");
        failsWith(1, "exactly one of 'cmd' and 'fid'",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"fid\":1,\"args\":[0]}");
        failsWith(1, "takes 1 argument", "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[1,2]}");
        failsWith(1, "cpu must be between 0 and 0",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0],\"cpu\":1}");
        // an unknown fid is not a script error: it goes to the RMM
        Action.Rmi r = (Action.Rmi) parse("{\"op\":\"rmi\",\"fid\":\"0xC4000156\",\"args\":[1]}")
                .actions().get(0);
        assertEquals(0xC4000156L, r.fid());
    }

    @Test
    void machineMustComeFirstAndConfiguresTheMachine() throws Exception {
        failsWith(2, "machine must be the first action",
                "{\"op\":\"ns_read\",\"pa\":\"0x80000000\"}", "{\"op\":\"machine\"}");
        failsWith(3, "machine must be the first action",
                "{\"op\":\"machine\"}", "# x", "{\"op\":\"machine\"}");
        Script s = parse("{\"op\":\"machine\",\"cpus\":2,\"pa_bits\":40,\"vmid_bits\":8,"
                + "\"seed\":\"0x2a\",\"dram\":[{\"base\":\"0x8000_0000\",\"size\":\"0x100_0000\"},"
                + "{\"base\":\"0x9000_0000\",\"size\":\"0x1000\",\"pas\":\"SECURE\"}]}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0],\"cpu\":1}");
        MachineConfig c = s.machine();
        assertEquals(2, c.cpus());
        assertEquals(40, c.paBits());
        assertEquals(8, c.vmidBits());
        assertEquals(42, c.seed());
        assertEquals(2, c.dram().size());
        assertEquals(Pas.SECURE, c.dram().get(1).bootPas());
        assertEquals(1, ((Action.Rmi) s.actions().get(0)).cpu());
    }

    @Test
    void machineValuesAreChecked() {
        failsWith(1, "vmid_bits must be 8 or 16", "{\"op\":\"machine\",\"vmid_bits\":12}");
        failsWith(1, "unknown RMM model 'x'", "{\"op\":\"machine\",\"rmm\":\"x\"}");
        failsWith(1, "pas must be NS or SECURE", "{\"op\":\"machine\",\"dram\":"
                + "[{\"base\":\"0x80000000\",\"size\":\"0x1000\",\"pas\":\"REALM\"}]}");
        failsWith(1, "aligned", "{\"op\":\"machine\",\"dram\":[{\"base\":\"0x80000800\",\"size\":4096}]}");
        failsWith(1, "overlap", "{\"op\":\"machine\",\"dram\":[{\"base\":\"0x80000000\",\"size\":8192},"
                + "{\"base\":\"0x80001000\",\"size\":4096}]}");
        failsWith(1, "cpus must be between 1", "{\"op\":\"machine\",\"cpus\":0}");
    }

    @Test
    void rmmOverrideMustNameAModel() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> new ScriptParser("nope").parse("{\"op\":\"machine\"}"));
        assertTrue(e.getMessage().contains("unknown RMM model 'nope'"), e.getMessage());
    }

    @Test
    void nsWriteTakesExactlyOnePayload() throws Exception {
        failsWith(1, "needs one of", "{\"op\":\"ns_write\",\"pa\":\"0x80000000\"}");
        failsWith(1, "both 'bytes' and 'fill'",
                "{\"op\":\"ns_write\",\"pa\":\"0x80000000\",\"bytes\":\"00\",\"fill\":1}");
        failsWith(1, "even", "{\"op\":\"ns_write\",\"pa\":\"0x80000000\",\"bytes\":\"abc\"}");
        failsWith(1, "cross a 4 KiB granule",
                "{\"op\":\"ns_write\",\"pa\":\"0x80000fff\",\"bytes\":\"0102\"}");
        failsWith(1, "4 KiB aligned", "{\"op\":\"ns_write\",\"pa\":\"0x80000008\",\"fill\":1}");
        failsWith(1, "fill must be between 0 and 255",
                "{\"op\":\"ns_write\",\"pa\":\"0x80000000\",\"fill\":256}");
        failsWith(1, "realm_params: unknown field 's2_sz'",
                "{\"op\":\"ns_write\",\"pa\":\"0x80000000\",\"realm_params\":{\"s2_sz\":40}}");
        failsWith(1, "vmid: 0x10000 does not fit in 2 bytes",
                "{\"op\":\"ns_write\",\"pa\":\"0x80000000\",\"realm_params\":{\"vmid\":65536}}");
        Action.NsWrite w = (Action.NsWrite) parse(
                "{\"op\":\"ns_write\",\"pa\":\"0x80000ffe\",\"bytes\":\"0xAB_cd\"}").actions().get(0);
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD}, w.bytes());
        Action.NsWrite fill = (Action.NsWrite) parse(
                "{\"op\":\"ns_write\",\"pa\":\"0x80001000\",\"fill\":\"0x5a\"}").actions().get(0);
        assertEquals(4096, fill.bytes().length);
        assertEquals(0x5a, fill.bytes()[4095]);
    }

    @Test
    void nsReadDefaultsToTheRestOfTheGranule() throws Exception {
        Action.NsRead r = (Action.NsRead) parse("{\"op\":\"ns_read\",\"pa\":\"0x80000800\"}")
                .actions().get(0);
        assertEquals(0x800, r.len());
        failsWith(1, "cross", "{\"op\":\"ns_read\",\"pa\":\"0x80000800\",\"len\":4096}");
        failsWith(1, "len must be between 1", "{\"op\":\"ns_read\",\"pa\":\"0x80000800\",\"len\":0}");
    }

    @Test
    void realmStepsFollowTheContract() throws Exception {
        Script s = parse("{\"op\":\"realm\",\"rec\":\"0x80005000\",\"steps\":["
                + "{\"call\":\"RSI_IPA_STATE_SET\",\"args\":[0,\"0x1000\",1,0]},"
                + "{\"fid\":\"0xC4000190\"},"
                + "{\"read\":\"0x8000_0000_0000\",\"size\":4},"
                + "{\"write\":\"0x1000\",\"value\":7,\"isv\":false},"
                + "{\"exec\":\"0x2000\"},"
                + "{\"host_call\":5,\"buffer\":\"0x3000\"},"
                + "{\"wfi\":true},{\"wfe\":true},{\"hvc\":1},{\"irq\":true},{\"fiq\":true}]}");
        List<GuestStep> steps = ((Action.Realm) s.actions().get(0)).steps();
        assertEquals(11, steps.size());
        assertEquals(GuestStep.Op.CALL, steps.get(0).op());
        assertEquals(0xC4000197L, steps.get(0).fid());
        assertArrayEquals(new long[] {0, 0x1000, 1, 0}, steps.get(0).args());
        assertEquals(0xC4000190L, steps.get(1).fid());
        assertEquals(4, steps.get(2).size());
        assertEquals(0x8000_0000_0000L, steps.get(2).ipa());
        assertFalse(steps.get(3).isv());
        assertEquals(7, steps.get(3).value());
        assertEquals(GuestStep.Op.EXEC, steps.get(4).op());
        assertEquals(GuestStep.Op.HOST_CALL, steps.get(5).op());
        assertEquals(5, steps.get(5).value());
        assertEquals(0x3000, steps.get(5).ipa());
        assertEquals(GuestStep.Op.FIQ, steps.get(10).op());
    }

    @Test
    void badStepsAreRejected() {
        String pre = "{\"op\":\"realm\",\"rec\":\"0x80005000\",\"steps\":[";
        failsWith(1, "steps[0]: unknown RSI/PSCI call 'RSI_FOO'", pre + "{\"call\":\"RSI_FOO\"}]}");
        failsWith(1, "steps[1]: no step kind", pre + "{\"wfi\":true},{\"jump\":1}]}");
        failsWith(1, "both 'read' and 'write'", pre + "{\"read\":1,\"write\":2,\"value\":0}]}");
        failsWith(1, "missing field 'value'", pre + "{\"write\":2}]}");
        failsWith(1, "size must be 1, 2, 4 or 8", pre + "{\"read\":2,\"size\":3}]}");
        failsWith(1, "missing field 'buffer'", pre + "{\"host_call\":2}]}");
        failsWith(1, "wfi must be true", pre + "{\"wfi\":false}]}");
        failsWith(1, "isv must be true or false", pre + "{\"read\":2,\"isv\":0}]}");
        failsWith(1, "unknown field 'value'", pre + "{\"read\":2,\"value\":1}]}");
        failsWith(1, "missing field 'steps'", "{\"op\":\"realm\",\"rec\":1}");
    }

    /**
     * A host_call or hvc immediate wider than its field is a malformed value: the RMM reads 4
     * bytes of RsiHostCall.imm (reference 9.5), so {"host_call": "0x1_0000_0001"} used to exit
     * to the host with imm 0x1, and HVC has a 16-bit immediate.
     */
    @Test
    void immediatesMustFitTheirField() throws Exception {
        String pre = "{\"op\":\"realm\",\"rec\":\"0x80000000\",\"steps\":[";
        failsWith(1, "host_call: 0x100000001 does not fit",
                pre + "{\"host_call\":\"0x1_0000_0001\",\"buffer\":\"0x1000\"}]}");
        failsWith(1, "hvc: 0x10000 does not fit", pre + "{\"hvc\":65536}]}");
        Action.Realm r = (Action.Realm) parse(pre + "{\"host_call\":\"0xffff_ffff\","
                + "\"buffer\":\"0x1000\"},{\"hvc\":\"0xffff\"}]}").actions().get(0);
        assertEquals(0xFFFF_FFFFL, r.steps().get(0).value());
        assertEquals(0xFFFFL, r.steps().get(1).value());
    }

    @Test
    void theWholeScriptIsValidatedBeforeAnythingRuns() {
        // a good first line does not make a later bad line acceptable
        failsWith(3, "unknown op", "{\"op\":\"machine\"}",
                "{\"op\":\"rmi\",\"cmd\":\"RMI_VERSION\",\"args\":[0]}", "{\"op\":\"bogus\"}");
    }
}
