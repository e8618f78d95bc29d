package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Realms;
import org.junit.jupiter.api.Test;

/** RMI_REC_AUX_COUNT (reference 4.8). */
class RecAuxCountTest {
    static final int ERROR_INPUT = 1;

    final Fixture f = new Fixture();
    final Realms r = new Realms(f);
    final long rd = r.create(40, 1);

    // rd_align
    @Test
    void rdAlign() {
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_AUX_COUNT", rd + 4)));
    }

    // rd_bound
    @Test
    void rdBound() {
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_AUX_COUNT", 0L)));
    }

    // rd_state
    @Test
    void rdState() {
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_AUX_COUNT", r.delegated())));
        assertEquals(ERROR_INPUT, Fixture.status(f.rmi("RMI_REC_AUX_COUNT", r.ns())));
    }

    // success: x1 = 16, the TF-RMM value the model adopts (reference 4.8, script-format.md)
    @Test
    void successReturnsSixteen() {
        long[] regs = f.rmi("RMI_REC_AUX_COUNT", rd);
        assertEquals(0L, regs[0]);
        assertEquals(16L, regs[1]);
        r.activate(rd);
        assertEquals(16L, f.rmi("RMI_REC_AUX_COUNT", rd)[1], "in any realm state");
    }
}
