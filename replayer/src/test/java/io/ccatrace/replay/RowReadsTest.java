package io.ccatrace.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceCursor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The columns a replay whose effects all match by hash reads from the cursor, row by row:
 * {@link Replayer#openCursor} hands every other column over sparsely (a read through the
 * sparse form costs the replaying thread a presence bit, a rank and a bit count), so
 * {@link Replayer#READ_BY_ROW} must hold every column read here besides seq, kind and time.
 */
class RowReadsTest {
    private static final ScenarioTraces TRACE = ScenarioTraces.record(Scenario.MULTI_REALM, 4, 3_000);

    /** A cursor accessor's column: the accessor named after the column, or a list's or name's other accessors. */
    private static Map<String, Column> accessors() {
        Map<String, Column> m = new HashMap<>();
        for (Column c : Column.values()) {
            String[] parts = c.columnName().split("_");
            StringBuilder b = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            m.put(b.toString(), c);
        }
        m.put("isInput", Column.KIND);
        m.put("argCount", Column.ARGS);
        m.put("arg", Column.ARGS);
        m.put("outCount", Column.OUT);
        m.put("payloadLength", Column.PAYLOAD);
        m.put("copyPayload", Column.PAYLOAD);
        m.put("toEvent", Column.CHAIN);           // every column: never expected while all matches
        return m;
    }

    /** The columns read through a cursor over the trace's rows (with their hashes) by a replay of it. */
    private static Set<Column> columnsRead() throws Exception {
        Map<String, Column> byName = accessors();
        Set<Column> read = EnumSet.noneOf(Column.class);
        ListCursor rows = ListCursor.hashed(TRACE.metadata(), TRACE.rows(), TRACE.rows());
        TraceCursor watched = (TraceCursor) Proxy.newProxyInstance(TraceCursor.class.getClassLoader(),
                new Class<?>[] {TraceCursor.class}, (proxy, m, args) -> {
                    Column c = byName.get(m.getName());
                    if (c != null) read.add(c);
                    if ((m.getName().equals("nameId") || m.getName().equals("nameDictionary")) && args != null) read.add((Column) args[0]);
                    return call(m, rows, args);
                });
        ReplayResult r = new Replayer(ReplayOptions.all()).run(watched, d -> { });
        assertEquals(0, r.summary().total());
        assertEquals(TRACE.rows().size(), r.rows());
        return read;
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void everyColumnReadRowByRowIsHandedOverDensely() throws Exception {
        Set<Column> read = columnsRead();
        Set<Column> allowed = EnumSet.of(Column.SEQ, Column.KIND, Column.TIME);
        allowed.addAll(Replayer.READ_BY_ROW);
        Set<Column> outside = EnumSet.copyOf(read);
        outside.removeAll(allowed);
        assertEquals(Set.of(), outside, "read row by row but handed over sparsely");
        // the position of every row is read, inputs' operands too: the set is not trivially wide
        assertTrue(read.containsAll(EnumSet.of(Column.CAUSE_SEQ, Column.CPU, Column.FID, Column.PA, Column.REC, Column.CMD)), read.toString());
    }
}
