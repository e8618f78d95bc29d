package io.ccatrace.model.rmi.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.granule.GranuleState;
import io.ccatrace.model.rmi.Fixture;
import io.ccatrace.model.rmi.Realms;
import org.junit.jupiter.api.Test;

/** RMI_REC_CREATE (reference 4.9). */
class RecCreateTest {
    final Fixture f = new Fixture();
    final Realms r = new Realms(f);

    @Test
    void successClaimsRecAndAuxGranules() {
        long rd = r.create(40, 1);
        var p = r.recParams(0, true);
        long rec = r.rec(rd, p);
        assertEquals(GranuleState.REC, f.machine.rmm().granules().stateOf(rec));
        for (long a : p.aux) assertEquals(GranuleState.REC_AUX, f.machine.rmm().granules().stateOf(a));
        assertEquals(1, r.realm(rd).recCount());
        assertEquals(0, r.recObject(rec).index());
    }
}
