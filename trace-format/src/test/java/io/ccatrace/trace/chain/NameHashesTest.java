package io.ccatrace.trace.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name-hash cache gives each name its own polynomial value, whatever shares its set. */
class NameHashesTest {
    /** Three distinct names in the same set (one more than it has ways). */
    private static List<String> sameSet() {
        List<String> found = new ArrayList<>();
        int set = NameHashes.set("name0");
        for (int i = 0; found.size() < 3; i++) {
            String s = "name" + i;
            if (NameHashes.set(s) == set) found.add(s);
        }
        return found;
    }

    @Test
    void namesSharingASetKeepTheirOwnValues() {
        NameHashes cache = new NameHashes();
        List<String> names = sameSet();
        for (int round = 0; round < 5; round++) {
            for (String s : names) assertEquals(ContentKey.name(s), cache.of(s), s + " in round " + round);
            // in every order, so that each name is met in the first way, in the second and evicted
            java.util.Collections.rotate(names, 1);
        }
    }

    @Test
    void anEqualStringObjectGetsTheSameValue() {
        NameHashes cache = new NameHashes();
        String a = "RMI_REC_ENTER";
        String b = new String(a.toCharArray());
        assertEquals(ContentKey.name(a), cache.of(a));
        assertEquals(ContentKey.name(a), cache.of(b));
        assertEquals(ContentKey.name(a), cache.of(a));
    }
}
