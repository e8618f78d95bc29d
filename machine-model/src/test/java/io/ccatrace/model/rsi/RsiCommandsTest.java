package io.ccatrace.model.rsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RSI commands of 1.0-rel0 (reference 6.1, 6.2): failure conditions and success outputs. */
class RsiCommandsTest {
    static final long SUCCESS = 0, ERROR_INPUT = 1;
    static final long BUF = 0x50000;

    static ModelEvent.RsiCall call(Guest g, String name, long... args) {
        g.call(name, args);
        assertEquals(ExitReason.IRQ, g.run().reason());
        ModelEvent.RsiCall c = g.last(ModelEvent.RsiCall.class);
        assertEquals(name, c.cmd());
        return c;
    }

    static byte[] bytes(long[] regs) {
        byte[] b = new byte[8 * regs.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (regs[i / 8] >>> (8 * (i % 8)));
        return b;
    }

    @Test
    void version() {
        Guest g = new Guest().activate();
        ModelEvent.RsiCall ok = call(g, "RSI_VERSION", 0x10000);
        assertEquals(SUCCESS, ok.ret());
        assertEquals("RSI_SUCCESS", ok.status());
        assertArrayEquals(new long[] {0x10000, 0x10000}, ok.out());
        ModelEvent.RsiCall bad = call(g, "RSI_VERSION", 0x20000);
        assertEquals(ERROR_INPUT, bad.ret());
        assertEquals("RSI_ERROR_INPUT", bad.status());
        assertArrayEquals(new long[] {0x10000, 0x10000}, bad.out());
    }

    @Test
    void features() {
        Guest g = new Guest().activate();
        ModelEvent.RsiCall c = call(g, "RSI_FEATURES", 0);
        assertEquals(SUCCESS, c.ret());
        assertArrayEquals(new long[] {0}, c.out());
        assertArrayEquals(new long[] {0}, call(g, "RSI_FEATURES", 7).out());
    }

    @Test
    void measurementReadIndexBound() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_MEASUREMENT_READ", 5).ret());
    }

    @Test
    void measurementReadReturnsTheRimAndZeroRems() {
        Guest g = new Guest().activate();
        byte[] rim = g.f.machine.rmm().realmAt(g.rd).measurement(0).clone();
        ModelEvent.RsiCall c = call(g, "RSI_MEASUREMENT_READ", 0);
        assertEquals(SUCCESS, c.ret());
        assertEquals(8, c.out().length);
        assertArrayEquals(rim, bytes(c.out()));
        byte[] tail = Arrays.copyOfRange(bytes(c.out()), 32, 64);
        assertArrayEquals(new byte[32], tail, "SHA-256: bytes 32..63 read as zero (6.2)");
        assertArrayEquals(new byte[64], bytes(call(g, "RSI_MEASUREMENT_READ", 4).out()), "REMs start zero");
    }

    @Test
    void measurementExtendIndexZero() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_MEASUREMENT_EXTEND", 0, 8).ret());
    }

    @Test
    void measurementExtendIndexBound() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_MEASUREMENT_EXTEND", 5, 8).ret());
    }

    @Test
    void measurementExtendSizeBound() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_MEASUREMENT_EXTEND", 1, 65).ret());
    }

    @Test
    void measurementExtendHashesOldValueAndInput() throws Exception {
        Guest g = new Guest().activate();
        long[] args = new long[10];
        args[0] = 3;
        args[1] = 10;
        args[2] = 0x0807060504030201L;
        args[3] = 0xFFFF0A09L;                      // bytes 8, 9 used; the rest beyond size
        assertEquals(SUCCESS, call(g, "RSI_MEASUREMENT_EXTEND", args).ret());
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(new byte[32]);
        md.update(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        byte[] expect = Arrays.copyOf(md.digest(), 64);
        assertArrayEquals(expect, bytes(call(g, "RSI_MEASUREMENT_READ", 3).out()));
        // size 0 is allowed: REM := H(REM)
        assertEquals(SUCCESS, call(g, "RSI_MEASUREMENT_EXTEND", 3, 0).ret());
        byte[] again = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(expect, 32)), 64);
        assertArrayEquals(again, bytes(call(g, "RSI_MEASUREMENT_READ", 3).out()));
        assertEquals("EXTEND", g.last(ModelEvent.Measurement.class).what());
    }

    @Test
    void measurementExtendSha512UsesAll64Bytes() throws Exception {
        Guest g = new Guest(MachineConfig.defaults(), p -> p.hashAlgo = 1).activate();
        call(g, "RSI_MEASUREMENT_EXTEND", 1, 1, 0xEE);
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        md.update(new byte[64]);
        md.update((byte) 0xEE);
        assertArrayEquals(md.digest(), bytes(call(g, "RSI_MEASUREMENT_READ", 1).out()));
    }

    @Test
    void realmConfigAlign() {
        Guest g = new Guest();
        g.ram(BUF);
        g.activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_REALM_CONFIG", BUF + 0x10).ret());
    }

    @Test
    void realmConfigBound() {
        Guest g = new Guest().activate();
        assertEquals(ERROR_INPUT, call(g, "RSI_REALM_CONFIG", g.protectedTop()).ret());
    }

    @Test
    void realmConfigEmptyBuffer() {
        Guest g = new Guest().activate();          // UNASSIGNED EMPTY
        assertEquals(ERROR_INPUT, call(g, "RSI_REALM_CONFIG", BUF).ret());
    }

    @Test
    void realmConfigUnmappedBufferExitsAndIsRetried() {
        Guest g = new Guest();
        g.unassignedRam(BUF);
        g.activate();
        g.call("RSI_REALM_CONFIG", BUF);
        RecRunExit x = g.run();
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(0x90000007L, x.esr());
        assertEquals(BUF >> 8, x.hpfar());
        assertEquals("EXIT_TO_HOST", g.last(ModelEvent.Stage2Fault.class).outcome());
        assertEquals(0, g.events(ModelEvent.RsiCall.class).size());
        g.s2.data(BUF);
        assertEquals(ExitReason.IRQ, g.run().reason());
        assertEquals(SUCCESS, g.last(ModelEvent.RsiCall.class).ret());
    }

    @Test
    void realmConfigWritesIpaWidthHashAlgoAndRpv() {
        Guest g = new Guest(MachineConfig.defaults(), p -> {
            p.hashAlgo = 1;
            for (int i = 0; i < 64; i++) p.rpv[i] = (byte) (0xC0 + i);
        });
        long data = g.ram(BUF);
        g.activate();
        assertEquals(SUCCESS, call(g, "RSI_REALM_CONFIG", BUF).ret());
        var m = g.f.machine.memory();
        assertEquals(40, m.readLong(data), "ipa_width = s2sz (9.4)");
        assertEquals(1, m.read(data + 8, 1)[0], "hash_algo SHA-512");
        byte[] rpv = new byte[64];
        for (int i = 0; i < 64; i++) rpv[i] = (byte) (0xC0 + i);
        assertArrayEquals(rpv, m.read(data + 0x200, 64));
    }

    @Test
    void ipaStateGetFailureConditions() {
        Guest g = new Guest().activate();
        long top = g.protectedTop();
        assertEquals(ERROR_INPUT, call(g, "RSI_IPA_STATE_GET", BUF + 8, BUF + 0x2000).ret(), "base_align");
        assertEquals(ERROR_INPUT, call(g, "RSI_IPA_STATE_GET", BUF, BUF + 0x2008).ret(), "end_align");
        assertEquals(ERROR_INPUT, call(g, "RSI_IPA_STATE_GET", BUF, BUF).ret(), "size_valid");
        assertEquals(ERROR_INPUT, call(g, "RSI_IPA_STATE_GET", top - 0x1000, top + 0x1000).ret(), "rgn_bound");
        assertEquals(ERROR_INPUT, call(g, "RSI_IPA_STATE_GET", top, top + 0x1000).ret(), "rgn_bound base");
    }

    @Test
    void ipaStateGetReportsTheRunOfEqualRipas() {
        Guest g = new Guest();
        g.ram(BUF);
        g.unassignedRam(BUF + 0x1000);             // both RAM: one run
        g.destroyed(BUF + 0x3000);                 // BUF+0x2000 stays EMPTY
        g.activate();
        ModelEvent.RsiCall c = call(g, "RSI_IPA_STATE_GET", BUF, BUF + 0x10000);
        assertEquals(SUCCESS, c.ret());
        assertArrayEquals(new long[] {BUF + 0x2000, 1}, c.out(), "RAM up to the EMPTY page");
        assertArrayEquals(new long[] {BUF + 0x3000, 0}, call(g, "RSI_IPA_STATE_GET", BUF + 0x2000, BUF + 0x10000).out());
        assertArrayEquals(new long[] {BUF + 0x4000, 2}, call(g, "RSI_IPA_STATE_GET", BUF + 0x3000, BUF + 0x10000).out());
        assertArrayEquals(new long[] {BUF + 0x1000, 1}, call(g, "RSI_IPA_STATE_GET", BUF, BUF + 0x1000).out(), "capped at end");
    }
}
