package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cursor's name ids ({@link EventView#nameId}) name exactly what its String accessors
 * return, row after row across batches, in every format; a row object without a dictionary
 * says so ({@link EventView#NO_NAME_ID}).
 */
class NameIdTest {
    private static final int ROWS = 65536 + 5000;
    private static final Set<Column> NAMES = EnumSet.of(Column.CMD, Column.STATUS, Column.TO, Column.TO_RIPAS,
            Column.EXIT_REASON, Column.OUTCOME, Column.ACCESS, Column.RIPAS);

    @TempDir
    Path dir;

    private static String byName(EventView v, Column c) {
        switch (c) {
            case CMD: return v.cmd();
            case STATUS: return v.status();
            case TO: return v.to();
            case TO_RIPAS: return v.toRipas();
            case EXIT_REASON: return v.exitReason();
            case OUTCOME: return v.outcome();
            case ACCESS: return v.access();
            case RIPAS: return v.ripas();
            default: throw new IllegalArgumentException(c.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "t.jsonl"})
    void idsNameWhatTheAccessorsReturn(String name) throws IOException {
        Path p = dir.resolve(name);
        TraceRoundTripTest.write(p, CursorTest.edgy(ROWS));
        Set<Column> cols = EnumSet.of(Column.SEQ, Column.KIND);
        cols.addAll(NAMES);
        int named = 0;
        int nulls = 0;
        for (boolean ahead : new boolean[] {false, true}) {
            try (TraceCursor c = TraceFiles.openCursor(p, cols, Long.MIN_VALUE, ahead, false, w -> { })) {
                while (c.next()) {
                    for (Column col : NAMES) {
                        int id = c.nameId(col);
                        String want = byName(c, col);
                        if (id == EventView.NO_NAME_ID) {
                            continue;
                        } else if (id == -1) {
                            assertEquals(null, want, col + " at seq " + c.seq());
                            nulls++;
                        } else {
                            assertSame(want, c.nameDictionary(col)[id], col + " at seq " + c.seq());
                            named++;
                        }
                    }
                }
            }
        }
        assertTrue(named > ROWS && nulls > ROWS, name + ": ids were given (" + named + " names, " + nulls + " nulls)");
    }

    @Test
    void anEventHasNoDictionary() {
        TraceEvent e = CursorTest.edgy(1).get(0);
        assertEquals(EventView.NO_NAME_ID, e.nameId(Column.CMD));
        assertEquals(null, e.nameDictionary(Column.CMD));
    }
}
