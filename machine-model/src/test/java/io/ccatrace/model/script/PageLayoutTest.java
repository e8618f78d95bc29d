package io.ccatrace.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.realm.RealmParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Params objects land at the offsets of reference 9.1-9.3, little-endian. */
class PageLayoutTest {
    private static ByteBuffer write(String kind, String object) throws Exception {
        Script s = new ScriptParser().parse("{\"op\":\"ns_write\",\"pa\":\"0x80000000\",\""
                + kind + "\":" + object + "}");
        byte[] b = ((Action.NsWrite) s.actions().get(0)).bytes();
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void realmParamsAtReference91Offsets() throws Exception {
        ByteBuffer b = write("realm_params", "{\"flags\":6,\"s2sz\":40,\"sve_vl\":2,\"num_bps\":3,"
                + "\"num_wps\":4,\"pmu_num_ctrs\":5,\"hash_algo\":1,\"rpv\":[17,18],\"vmid\":"
                + "\"0x1234\",\"rtt_base\":\"0x80010000\",\"rtt_level_start\":1,\"rtt_num_start\":2}");
        assertEquals(4096, b.capacity());
        assertEquals(6, b.getLong(0x000));
        assertEquals(40, b.getLong(0x008));
        assertEquals(2, b.getLong(0x010));
        assertEquals(3, b.getLong(0x018));
        assertEquals(4, b.getLong(0x020));
        assertEquals(5, b.getLong(0x028));
        assertEquals(1, b.get(0x030));
        assertEquals(0, b.get(0x031));
        assertEquals(17, b.getLong(0x400));
        assertEquals(18, b.getLong(0x408));
        assertEquals(0x1234, b.getShort(0x800));
        assertEquals(0, b.getShort(0x802));
        assertEquals(0x80010000L, b.getLong(0x808));
        assertEquals(1, b.getLong(0x810));
        assertEquals(2, b.getLong(0x818));
        // and the model's own reader agrees
        RealmParams p = RealmParams.parse(b.array());
        assertEquals(40, p.s2sz());
        assertEquals(0x80010000L, p.rttBase());
        assertEquals(2, p.rttNumStart());
    }

    @Test
    void recParamsAtReference92Offsets() throws Exception {
        ByteBuffer b = write("rec_params", "{\"flags\":1,\"mpidr\":\"0x102\",\"pc\":\"0x1000\","
                + "\"gprs\":[1,2,3,4,5,6,7,8],\"num_aux\":16,\"aux\":[\"0x80020000\",\"0x80021000\"]}");
        assertEquals(1, b.getLong(0x000));
        assertEquals(0x102, b.getLong(0x100));
        assertEquals(0x1000, b.getLong(0x200));
        assertEquals(1, b.getLong(0x300));
        assertEquals(8, b.getLong(0x338));
        assertEquals(16, b.getLong(0x800));
        assertEquals(0x80020000L, b.getLong(0x808));
        assertEquals(0x80021000L, b.getLong(0x810));
        assertEquals(0, b.getLong(0x818));
    }

    @Test
    void recRunEntryHalfAtReference93Offsets() throws Exception {
        ByteBuffer b = write("rec_run", "{\"flags\":1,\"gprs\":[\"0xabcd\"],\"gicv3_hcr\":2,"
                + "\"gicv3_lrs\":[0,9]}");
        assertEquals(0x800, b.capacity());
        assertEquals(1, b.getLong(0x000));
        assertEquals(0xabcd, b.getLong(0x200));
        assertEquals(2, b.getLong(0x300));
        assertEquals(9, b.getLong(0x310));
    }

    /**
     * rtt_level_start is signed in the spec (reference 9.1: "8, signed"; -1 is the LPA2
     * starting level), so a script may write it as a negative JSON integer or decimal string:
     * script-format.md lets every number be a JSON integer, and only register values are
     * unsigned. Before, -1 was refused as "negative value" and only "0xffff_ffff_ffff_ffff"
     * could say it.
     */
    @Test
    void rttLevelStartIsSignedSoMinusOneIsAllowed() throws Exception {
        for (String v : new String[] {"-1", "\"-1\"", "\"0xffff_ffff_ffff_ffff\""}) {
            ByteBuffer b = write("realm_params", "{\"rtt_level_start\":" + v + "}");
            assertEquals(-1L, b.getLong(0x810), v);
            assertEquals(-1L, RealmParams.parse(b.array()).rttLevelStart(), v);
        }
        assertEquals(Long.MIN_VALUE, write("realm_params",
                "{\"rtt_level_start\":-9223372036854775808}").getLong(0x810));
        for (String bad : new String[] {"-9223372036854775809", "\"-0x1\"", "\"-\"", "\"--1\""}) {
            org.junit.jupiter.api.Assertions.assertThrows(ScriptException.class,
                    () -> write("realm_params", "{\"rtt_level_start\":" + bad + "}"), bad);
        }
        // unsigned fields still refuse a negative value
        org.junit.jupiter.api.Assertions.assertThrows(ScriptException.class,
                () -> write("realm_params", "{\"s2sz\":-1}"));
    }
}
