package io.ccatrace.model.rsi;

import static io.ccatrace.model.rsi.RsiCalls.ERROR_INPUT;
import static io.ccatrace.model.rsi.RsiCalls.INCOMPLETE;
import static io.ccatrace.model.rsi.RsiCalls.PAGE;
import static io.ccatrace.model.rsi.RsiCalls.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.ModelEvent;
import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.rec.ExitReason;
import io.ccatrace.model.rec.RecRunExit;
import io.ccatrace.model.rmi.Guest;
import org.junit.jupiter.api.Test;

/**
 * Realm calls (reference 6.2, 6.3) where two conditions hold at once and give different
 * results (a status, or an exit to the host), and the edge values of their inputs. Each
 * expectation cites the reference row (or the reading in docs/model-decisions.md) it
 * comes from. Realm: IPA width 40, Protected = [0, 2^39).
 */
class RealmCallPriorityTest {
    static final long PROTECTED_TOP = 1L << 39, IPA_TOP = 1L << 40;
    static final long INVALID_PARAMETERS = -2, INVALID_ADDRESS = -9, NOT_SUPPORTED = -1;
    /** Synthetic data abort of an RSI buffer at level 3 (reference 8.3): EC 0x24, DFSC 0x07. */
    static final long BUFFER_ABORT_L3 = 0x90000007L;

    /** The call returned to the realm (no exit for it): its x0. */
    private static long returned(Guest g, String name, long... args) {
        ModelEvent.RsiCall c = RsiCalls.call(g, name, args);
        assertEquals(ExitReason.IRQ, g.exit().reason(), name + " returned to the realm");
        return c.ret();
    }

    /** The call could not complete: a data abort exit and no RSI_CALL (reference 6.1). */
    private static RecRunExit bufferAbort(Guest g, String name, long... args) {
        int mark = g.mark();
        RecRunExit x = RsiCalls.exitOf(g, name, args);
        assertEquals(ExitReason.SYNC, x.reason());
        assertEquals(BUFFER_ABORT_L3, x.esr());
        assertEquals(0, x.far());
        assertTrue(g.eventsSince(mark, ModelEvent.RsiCall.class).isEmpty(), "re-issued later");
        return x;
    }

    private static Guest unassignedRamAtPage() {
        Guest g = new Guest();
        g.unassignedRam(PAGE);
        return g.activate();
    }

    private static Guest ramAtPage() {
        Guest g = new Guest();
        g.ram(PAGE);
        return g.activate();
    }

    private static void tokenInit(Guest g) {
        assertEquals(SUCCESS, RsiCalls.call(g, "RSI_ATTESTATION_TOKEN_INIT", 1, 2, 3, 4, 5, 6, 7, 8).ret());
    }

    // --- RSI_REALM_CONFIG (6.2: addr checks, then the buffer rule of 6.1) -----------------

    @Test
    void realmConfigAlignBeatsTheUnmappedBuffer() {
        assertEquals(ERROR_INPUT, returned(unassignedRamAtPage(), "RSI_REALM_CONFIG", PAGE + 0x100));
    }

    // --- RSI_HOST_CALL (6.2: alignment and Protected, then the buffer rule) ---------------

    @Test
    void hostCallAlignBeatsTheUnmappedBuffer() {
        assertEquals(ERROR_INPUT, returned(unassignedRamAtPage(), "RSI_HOST_CALL", PAGE + 0x80));
    }

    @Test
    void hostCallInTheLastSlotOfAPageIsAccepted() {
        // 256-byte aligned at offset 0xF00: the structure ends at the granule end, no crossing
        assertEquals(ExitReason.HOST_CALL, RsiCalls.exitOf(ramAtPage(), "RSI_HOST_CALL", PAGE + 0xF00).reason());
    }

    @Test
    void hostCallAt256ByteOffsetOfAnUnmappedPage() {
        long ipa = PAGE + 0x300;
        RecRunExit x = bufferAbort(unassignedRamAtPage(), "RSI_HOST_CALL", ipa);
        // 8.3 "RSI call hit an unmapped buffer": hpfar = (IPA from x1) >> 8, TF-RMM's
        // emulate_stage2_data_abort; bits [3:0] then hold IPA[11:8] (docs/model-decisions.md)
        assertEquals(ipa >>> 8, x.hpfar());
        assertEquals(PAGE, (x.hpfar() & 0xFFF_FFFF_FFF0L) << 8, "the host's FIPA decode names the page");
    }

    // --- RSI_ATTESTATION_TOKEN_CONTINUE (6.2 table, rows 1..6) -----------------------------

    @Test
    void continueOffsetBoundBeatsState() {
        // row 1 (offset >= 4096: ERROR_INPUT) before row 3 (no INIT: ERROR_STATE)
        assertEquals(ERROR_INPUT, returned(ramAtPage(), "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 4096, 0));
    }

    @Test
    void continueUnmappedBufferBeatsSizeZero() {
        // row 5 (buffer UNASSIGNED RAM: exit to the host) before row 6 (size 0: INCOMPLETE)
        Guest g = unassignedRamAtPage();
        tokenInit(g);
        assertEquals(PAGE >>> 8, bufferAbort(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 0).hpfar());
    }

    @Test
    void continueEmptyBufferBeatsSizeZero() {
        // row 5 (buffer RIPAS EMPTY: ERROR_INPUT) before row 6
        Guest g = new Guest().activate();
        tokenInit(g);
        assertEquals(ERROR_INPUT, returned(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 0));
    }

    @Test
    void continueSizeBoundAtTheGranuleEnd() {
        Guest g = ramAtPage();
        tokenInit(g);
        // row 1: offset + size = 4097 > 4096
        assertEquals(ERROR_INPUT, returned(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 4095, 2));
    }

    @Test
    void continueWritesTheLastByteOfTheGranule() {
        Guest g = new Guest();
        long data = g.ram(PAGE);
        g.activate();
        tokenInit(g);
        ModelEvent.RsiCall c = RsiCalls.call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 4095, 1);
        assertEquals(INCOMPLETE, c.ret(), "one byte of a longer token");
        assertArrayEquals(new long[] {1}, c.out());
        // the token is a tagged COSE_Sign1 (RFC 9052: tag 18, first byte 0xD2), written at addr + offset
        assertEquals((byte) 0xD2, g.f.machine.memory().read(data + 4095, 1)[0]);
    }

    @Test
    void continueOfTheWholeGranuleReturnsTheWholeToken() {
        Guest g = ramAtPage();
        tokenInit(g);
        ModelEvent.RsiCall c = RsiCalls.call(g, "RSI_ATTESTATION_TOKEN_CONTINUE", PAGE, 0, 4096);
        // success row: min(size, remaining) bytes; the token fits the 4096-byte bound (INIT's x1)
        assertEquals(SUCCESS, c.ret(), "the last chunk");
        assertTrue(c.out()[0] > 0 && c.out()[0] <= 4096);
    }

    // --- RSI_IPA_STATE_SET / GET edges (6.2) ----------------------------------------------

    @Test
    void ipaStateSetTopBeyondTheIpaSpace() {
        assertEquals(ERROR_INPUT, returned(new Guest().activate(), "RSI_IPA_STATE_SET", PAGE, IPA_TOP, 1, 0));
    }

    @Test
    void ipaStateSetUpToTheProtectedTopIsARequest() {
        // rgn_bound: [base, top) entirely Protected, top itself may be 2^39
        RecRunExit x = RsiCalls.exitOf(new Guest().activate(), "RSI_IPA_STATE_SET",
                PROTECTED_TOP - 0x1000, PROTECTED_TOP, 0, 0);
        assertEquals(ExitReason.RIPAS_CHANGE, x.reason());
        assertEquals(PROTECTED_TOP, x.ripasTop());
    }

    @Test
    void ipaStateSetBaseEqualsTopMakesNoRequest() {
        assertEquals(ERROR_INPUT, returned(new Guest().activate(), "RSI_IPA_STATE_SET", PAGE, PAGE, 1, 0));
    }

    @Test
    void ipaStateGetEndBeyondTheIpaSpace() {
        assertEquals(ERROR_INPUT, returned(new Guest().activate(), "RSI_IPA_STATE_GET", PAGE, IPA_TOP));
    }

    // --- RSI_MEASUREMENT_READ / EXTEND: 64-bit inputs are not truncated (6.2, 15) ---------

    @Test
    void measurementReadIndexAbove32Bits() {
        assertEquals(ERROR_INPUT, returned(new Guest().activate(), "RSI_MEASUREMENT_READ", 1L << 32));
    }

    @Test
    void measurementExtendSizeAbove32Bits() {
        assertEquals(ERROR_INPUT, returned(new Guest().activate(), "RSI_MEASUREMENT_EXTEND", 1, (1L << 32) + 1));
    }

    @Test
    void measurementExtendIndexFourSize64IsAccepted() {
        assertEquals(SUCCESS, returned(new Guest().activate(), "RSI_MEASUREMENT_EXTEND", 4, 64));
    }

    // --- PSCI (6.3) ------------------------------------------------------------------------

    private static Guest twoRecs() {
        Guest g = new Guest();
        g.addRec(1, false);
        return g.activate();
    }

    @Test
    void cpuOnEntryBeatsSelf() {
        // 6.3 CPU_ON: entry not Protected (INVALID_ADDRESS) is checked before target == self
        assertEquals(INVALID_ADDRESS, returned(twoRecs(), "PSCI_CPU_ON", 0, PROTECTED_TOP, 0));
    }

    @Test
    void cpuOnMpidrWithAff0HighBitsNamesNoRec() {
        // Aff0[7:4] is not part of the REC index (4.9); "Target MPIDR" in model-decisions.md
        assertEquals(INVALID_PARAMETERS, returned(twoRecs(), "PSCI_CPU_ON", 0x11, 0x1000, 0));
    }

    @Test
    void affinityInfoLevelBeatsSelf() {
        // 6.3 AFFINITY_INFO: lowest level != 0 is checked before "self -> ON"
        assertEquals(INVALID_PARAMETERS, returned(twoRecs(), "PSCI_AFFINITY_INFO", 0, 1));
    }

    @Test
    void affinityInfoEveryLevelAboveZeroIsInvalid() {
        Guest g = twoRecs();
        for (long level = 1; level <= 3; level++) {
            assertEquals(INVALID_PARAMETERS, returned(g, "PSCI_AFFINITY_INFO", 1, level), "level " + level);
        }
    }

    @Test
    void cpuOffAndSystemOffHaveNoSmc64Form() {
        // 6.3 lists CPU_OFF (0x84000002) and SYSTEM_OFF (0x84000008) as SMC32 only; their
        // 0xC4 twins are "other PSCI": NOT_SUPPORTED, no exit, no effect
        Guest g = twoRecs();
        for (long fid : new long[] {0xC4000002L, 0xC4000008L}) {
            int mark = g.mark();
            g.step(GuestStep.call(fid));
            assertEquals(ExitReason.IRQ, g.run().reason());
            assertEquals(NOT_SUPPORTED, g.eventsSince(mark, ModelEvent.RsiCall.class).get(0).ret());
        }
        assertTrue(g.recObject().runnable(), "CPU_OFF did not happen");
        assertEquals(SUCCESS, returned(g, "RSI_VERSION", 0x10000), "the realm still runs");
    }

    @Test
    void psciFeaturesReadsW1() {
        // PSCI_FEATURES is SMC32: its argument is W1, the upper half of x1 is ignored
        // (SMCCC; TF-RMM psci_features casts to unsigned int)
        assertEquals(SUCCESS, returned(twoRecs(), "PSCI_FEATURES", 0xFFFF_FFFF_8400_0002L));
    }

    @Test
    void theFunctionIdIsW0() {
        // SMCCC: the FID is W0; TF-RMM handle_realm_rsi decodes (unsigned int) x0
        Guest g = new Guest().activate();
        int mark = g.mark();
        g.step(GuestStep.call(0x1_C400_0190L, 0x10000));
        assertEquals(ExitReason.IRQ, g.run().reason());
        ModelEvent.RsiCall c = g.eventsSince(mark, ModelEvent.RsiCall.class).get(0);
        assertEquals("RSI_VERSION", c.cmd());
        assertEquals(SUCCESS, c.ret());
        assertArrayEquals(new long[] {0x10000, 0x10000}, c.out());
    }
}
