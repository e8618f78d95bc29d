package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB (an independent Parquet reader) runs the queries of docs/trace-format.md over one
 * trace and over a directory of traces, and sees what we wrote.
 */
class DuckDbInteropTest {
    @TempDir
    Path dir;

    @Test
    void documentedQueriesWork() throws IOException, SQLException {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        List<TraceEvent> a = TraceRoundTripTest.sample(20_000);
        List<TraceEvent> b = TraceRoundTripTest.sample(7_000);
        Path run = traces.resolve("run.parquet");
        TraceRoundTripTest.write(run, a);
        TraceRoundTripTest.write(traces.resolve("other.parquet"), b);
        Map<EventKind, Long> want = new EnumMap<>(EventKind.class);
        for (TraceEvent e : a) want.merge(e.kind(), 1L, Long::sum);
        String one = "'" + run + "'";
        String all = "'" + traces + "/*.parquet'";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT kind, count(*) AS n FROM " + one + " GROUP BY kind ORDER BY n DESC")) {
                int rows = 0;
                while (r.next()) {
                    assertEquals(want.get(EventKind.valueOf(r.getString(1))), r.getLong(2));
                    rows++;
                }
                assertEquals(want.size(), rows);
            }
            try (ResultSet r = s.executeQuery("SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata("
                    + one + ") WHERE decode(key) = 'ccatrace.rmm_model'")) {
                assertTrue(r.next());
                assertEquals("1.0", r.getString(2));
            }
            try (ResultSet r = s.executeQuery("SELECT e.seq, e.kind, i.kind AS input_kind, i.cmd AS input_cmd, "
                    + "printf('0x%x', e.pa::UBIGINT) AS pa FROM " + one + " e JOIN " + one + " i ON e.cause_seq = i.seq "
                    + "WHERE e.kind = 'PAS_CHANGE' ORDER BY e.seq")) {
                TraceEvent first = a.stream().filter(e -> e.kind() == EventKind.PAS_CHANGE).findFirst().orElseThrow();
                assertTrue(r.next());
                assertEquals(first.seq(), r.getLong(1));
                assertEquals("RMI_CALL", r.getString(3));
                assertEquals("RMI_GRANULE_DELEGATE", r.getString(4));
                assertEquals("0x" + Long.toHexString(first.pa()), r.getString(5));
            }
            try (ResultSet r = s.executeQuery("SELECT seq, list_transform(args, a -> printf('0x%x', a::UBIGINT)) AS args FROM "
                    + one + " WHERE kind = 'RMI_CALL' ORDER BY seq LIMIT 1")) {
                TraceEvent first = a.stream().filter(e -> e.kind() == EventKind.RMI_CALL).findFirst().orElseThrow();
                assertTrue(r.next());
                assertEquals("[0x" + Long.toHexString(first.args()[0]) + "]", r.getString(2));
            }
            try (ResultSet r = s.executeQuery("SELECT filename, count(*) AS n FROM read_parquet(" + all
                    + ", filename = true) GROUP BY ALL ORDER BY ALL")) {
                assertTrue(r.next());
                assertTrue(r.getString(1).endsWith("other.parquet"));
                assertEquals(b.size(), r.getLong(2));
                assertTrue(r.next());
                assertEquals(a.size(), r.getLong(2));
            }
            try (ResultSet r = s.executeQuery("WITH meta AS (SELECT file_name, decode(value) AS rmm FROM parquet_kv_metadata("
                    + all + ") WHERE decode(key) = 'ccatrace.rmm_model') SELECT meta.rmm, exit_reason, count(*) AS n "
                    + "FROM read_parquet(" + all + ", filename = true) t JOIN meta ON t.filename = meta.file_name "
                    + "WHERE kind = 'REC_EXIT' GROUP BY ALL ORDER BY ALL")) {
                long exits = 0;
                while (r.next()) {
                    assertEquals("1.0", r.getString(1));
                    exits += r.getLong(3);
                }
                long wantExits = a.stream().filter(e -> e.kind() == EventKind.REC_EXIT).count()
                        + b.stream().filter(e -> e.kind() == EventKind.REC_EXIT).count();
                assertEquals(wantExits, exits);
            }
        }
    }
}
