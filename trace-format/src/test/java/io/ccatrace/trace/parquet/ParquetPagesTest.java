package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.VerifyingReader;
import io.ccatrace.trace.chain.HashChain;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page writer across its boundaries: many pages and row groups, dictionaries that
 * overflow into PLAIN pages, payload pages ended early, nulls, empty and null lists; read
 * back by our reader, by parquet-java's metadata and by DuckDB.
 */
class ParquetPagesTest {
    @TempDir
    Path dir;

    /** Synthetic rows plus random 64-bit values (dictionary overflow), big payloads, empty/null lists. */
    static List<TraceEvent> rows(int n) {
        List<TraceEvent> l = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        SyntheticTrace t = new SyntheticTrace(n, 9);
        while (t.hasNext()) {
            TraceEvent.Builder b = t.next().toBuilder();
            if (r.nextInt(3) == 0) b.value(r.nextLong());
            if (r.nextInt(50) == 0) b.payload(bytes(r, 3000 + r.nextInt(3000)));
            if (r.nextInt(20) == 0) b.args(new long[0]);
            if (r.nextInt(20) == 0) b.out(null);
            l.add(b.build());
        }
        return l;
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Writes through the chain, like TraceFiles.create, but with small pages and row groups. */
    static void write(Path p, List<TraceEvent> events, int pageRows, int groupRows, int maxDict) throws IOException {
        ParquetSink sink = new ParquetSink(p, TraceMetadata.empty()
                .with(TraceMetadata.FORMAT_VERSION, "2").with(TraceMetadata.MIN_READER_VERSION, "2"),
                pageRows, groupRows, maxDict);
        HashChain chain = new HashChain();
        for (TraceEvent e : events) {
            sink.write(e);
            if (chain.add(e)) sink.checkpoint(chain.checkpoint());
        }
        if (chain.hasPending()) sink.checkpoint(chain.checkpoint());
        sink.finish(TraceMetadata.empty().with(TraceMetadata.EVENT_COUNT, Long.toString(events.size()))
                .with(TraceMetadata.COMPLETE, "true").with(TraceMetadata.DIGEST, chain.lastHex()));
    }

    @Test
    void pagesRowGroupsAndFallbackRoundTrip() throws IOException, SQLException {
        List<TraceEvent> events = rows(30_011);
        Path p = dir.resolve("t.parquet");
        write(p, events, 1000, 7000, 1000);
        List<TraceEvent> back = new ArrayList<>();
        try (VerifyingReader r = TraceFiles.open(p, w -> { throw new AssertionError(w); })) {
            while (r.hasNext()) back.add(r.next());
            assertEquals(null, r.chainBreak());
        }
        assertEquals(events.size(), back.size());
        for (int i = 0; i < events.size(); i++) assertEquals(events.get(i), back.get(i), "row " + i);

        Set<Encoding> valueEncodings = EnumSet.noneOf(Encoding.class);
        int groups;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
            groups = r.getRowGroups().size();
            for (BlockMetaData b : r.getRowGroups()) {
                for (ColumnChunkMetaData c : b.getColumns()) {
                    if (c.getPath().toDotString().equals("value")) valueEncodings.addAll(c.getEncodings());
                }
            }
        }
        assertEquals(5, groups, "30,011 rows in row groups of 7,000");
        assertTrue(valueEncodings.contains(Encoding.PLAIN) && valueEncodings.contains(Encoding.PLAIN_DICTIONARY),
                "value falls back from its dictionary to PLAIN: " + valueEncodings);

        long nonNullValues = events.stream().filter(e -> e.value() != TraceEvent.NULL).count();
        long valueXor = events.stream().filter(e -> e.value() != TraceEvent.NULL).mapToLong(TraceEvent::value).reduce(0, (a, b) -> a ^ b);
        long payloadBytes = events.stream().filter(e -> e.payload() != null).mapToLong(e -> e.payload().length).sum();
        long argsElements = events.stream().filter(e -> e.args() != null).mapToLong(e -> e.args().length).sum();
        long emptyArgs = events.stream().filter(e -> e.args() != null && e.args().length == 0).count();
        long guestSteps = events.stream().filter(e -> e.kind() == EventKind.GUEST_STEP).count();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(value), bit_xor(value), sum(octet_length(payload)),"
                        + " sum(len(args)), count(*) FILTER (WHERE len(args) = 0), count(*) FILTER (WHERE kind = 'GUEST_STEP'),"
                        + " max(seq) FROM '" + p + "'")) {
            assertTrue(rs.next());
            assertEquals(events.size(), rs.getLong(1));
            assertEquals(nonNullValues, rs.getLong(2));
            assertEquals(valueXor, rs.getLong(3));
            assertEquals(payloadBytes, rs.getLong(4));
            assertEquals(argsElements, rs.getLong(5));
            assertEquals(emptyArgs, rs.getLong(6));
            assertEquals(guestSteps, rs.getLong(7));
            assertEquals(events.size() - 1, rs.getLong(8));
        }
    }

    @Test
    void emptyTraceIsReadable() throws IOException {
        Path p = dir.resolve("empty.parquet");
        write(p, List.of(), 1000, 7000, 3000);
        try (VerifyingReader r = TraceFiles.open(p, w -> { }) ) {
            assertEquals(false, r.hasNext());
        }
    }
}
