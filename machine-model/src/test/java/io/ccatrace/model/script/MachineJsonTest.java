package io.ccatrace.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.machine.MachineConfig;
import org.junit.jupiter.api.Test;

class MachineJsonTest {
    @Test
    void canonicalFormRoundTripsAndIsStable() throws Exception {
        Script s = new ScriptParser().parse("{\"op\":\"machine\",\"cpus\":4,\"seed\":7,"
                + "\"dram\":[{\"base\":\"0x8000_0000\",\"size\":\"0x20_0000\"},"
                + "{\"base\":\"0x1_0000_0000\",\"size\":\"0x1000\",\"pas\":\"SECURE\"}]}");
        String json = MachineJson.toJson(s.machine());
        MachineConfig back = MachineJson.fromJson(json);
        assertEquals(s.machine(), back);
        assertEquals(json, MachineJson.toJson(back));
        assertEquals("{\"rmm\":\"1.0\",\"dram\":[{\"base\":\"0x80000000\",\"size\":\"0x200000\","
                + "\"pas\":\"NS\"},{\"base\":\"0x100000000\",\"size\":\"0x1000\",\"pas\":\"SECURE\"}],"
                + "\"cpus\":4,\"pa_bits\":48,\"vmid_bits\":16,\"seed\":\"0x7\"", json.substring(0,
                json.indexOf(",\"num_bps\"")));
    }

    @Test
    void defaultsAreTheContractDefaults() throws Exception {
        MachineConfig c = MachineJson.fromJson("{}");
        assertEquals(MachineConfig.defaults(), c);
        assertEquals(1, c.cpus());
        assertEquals(48, c.paBits());
        assertEquals(16, c.vmidBits());
        assertEquals(0x8000_0000L, c.dram().get(0).base());
        assertEquals(1L << 30, c.dram().get(0).size());
    }
}
