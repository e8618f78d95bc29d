package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ids in first-seen order; a name is looked up without being added by knownId only. */
class NameIdsTest {
    @Test
    void knownIdAddsNothing() {
        NameIds ids = new NameIds();
        assertEquals(-1, ids.knownId("RMI_VERSION"));
        assertEquals(0, ids.size());
        assertEquals(0, ids.idOf("RMI_VERSION"));
        assertEquals(-1, ids.knownId("RMI_FEATURES"));
        assertEquals(1, ids.idOf("RMI_FEATURES"));
        // an equal String that is another object has the same id
        assertEquals(0, ids.knownId(new String("RMI_VERSION")));
        assertEquals(1, ids.knownId("RMI_FEATURES"));
        for (int i = 0; i < 200; i++) assertEquals(2 + i, ids.idOf("N" + i));
        for (int i = 0; i < 200; i++) assertEquals(2 + i, ids.knownId("N" + i));
        assertEquals(-1, ids.knownId("N200"));
        assertEquals(202, ids.size());
    }
}
