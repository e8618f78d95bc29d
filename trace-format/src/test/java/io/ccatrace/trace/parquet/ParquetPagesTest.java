package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        write(p, events, pageRows, groupRows, maxDict, BytesLeaf.MAX_DICTIONARY_BYTES);
    }

    static void write(Path p, List<TraceEvent> events, int pageRows, int groupRows, int maxDict,
                              long maxPayloadDict) throws IOException {
        ParquetSink sink = new ParquetSink(p, TraceMetadata.empty()
                .with(TraceMetadata.FORMAT_VERSION, "2").with(TraceMetadata.MIN_READER_VERSION, "2"),
                pageRows, groupRows, maxDict, maxPayloadDict);
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
        assertPageRows(p, 1000);
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

    /**
     * Pages: seq (required) ends a page every pageRows rows; a sparse optional column (pas: only
     * the set-up's PAS_CHANGE rows) keeps one page per row group, its values far fewer than
     * pageRows; no optional column's page holds 2 pageRows values or more.
     */
    private static void assertPageRows(Path p, int pageRows) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
            for (BlockMetaData b : r.getRowGroups()) {
                for (ColumnChunkMetaData c : b.getColumns()) {
                    String name = c.getPath().toDotString();
                    org.apache.parquet.internal.column.columnindex.OffsetIndex pages = r.readOffsetIndex(c);
                    if (name.equals("seq")) {
                        assertEquals((b.getRowCount() + pageRows - 1) / pageRows, pages.getPageCount(), "seq pages");
                    } else if (name.equals("pas")) {
                        assertEquals(1, pages.getPageCount(), "pas pages in a row group of " + b.getRowCount());
                    }
                    if (c.getPath().size() == 1 && !name.equals("payload")) {
                        long values = c.getValueCount() - c.getStatistics().getNumNulls();
                        assertTrue(values < (long) pages.getPageCount() * 2 * pageRows, name + ": " + values + " values");
                    }
                }
            }
        }
    }

    /**
     * Rows whose payloads repeat (pages read back again and again, as the host reads RecRun
     * exit pages): each distinct payload is stored once per row group in the payload's
     * dictionary page; past the dictionary's byte limit the rest of the row group is PLAIN.
     * Read back by the row reader, the cursor and DuckDB.
     */
    @Test
    void repeatedPayloadsAreStoredOncePerRowGroup() throws IOException, SQLException {
        SplittableRandom r = new SplittableRandom(11);
        byte[][] pages = new byte[40][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = new byte[2048];
            pages[i][r.nextInt(2048)] = (byte) (1 + r.nextInt(255));
            pages[i][0] = (byte) i;
        }
        List<TraceEvent> events = new ArrayList<>();
        SyntheticTrace t = new SyntheticTrace(12_000, 4);
        while (t.hasNext()) {
            TraceEvent.Builder b = t.next().toBuilder();
            int k = r.nextInt(4);
            b.payload(k == 0 ? pages[r.nextInt(pages.length)] : k == 1 ? new byte[] {(byte) r.nextInt(3)} : null);
            events.add(b.build());
        }
        for (long cap : new long[] {BytesLeaf.MAX_DICTIONARY_BYTES, 30_000}) {
            Path p = dir.resolve("repeat-" + cap + ".parquet");
            write(p, events, 1000, 5000, 1000, cap);
            List<TraceEvent> back = new ArrayList<>();
            try (VerifyingReader rd = TraceFiles.open(p, w -> { throw new AssertionError(w); })) {
                while (rd.hasNext()) back.add(rd.next());
            }
            assertEquals(events, back, "row reader, cap " + cap);
            try (io.ccatrace.trace.TraceCursor c = TraceFiles.openCursor(p, 0, w -> { throw new AssertionError(w); })) {
                for (TraceEvent e : events) {
                    assertTrue(c.next());
                    assertEquals(e, c.toEvent(), "cursor, cap " + cap);
                }
                assertEquals(false, c.next());
            }
            sharedPayloadsMatch(p, events, cap == BytesLeaf.MAX_DICTIONARY_BYTES);
            Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
            try (ParquetFileReader fr = ParquetFileReader.open(new LocalInputFile(p))) {
                for (BlockMetaData b : fr.getRowGroups()) {
                    for (ColumnChunkMetaData c : b.getColumns()) {
                        if (c.getPath().toDotString().equals("payload")) encodings.addAll(c.getEncodings());
                    }
                }
                int dictionarySize = fr.readNextRowGroup().getPageReader(
                        fr.getFileMetaData().getSchema().getColumns().get(io.ccatrace.trace.Column.PAYLOAD.ordinal()))
                        .readDictionaryPage().getDictionarySize();
                long distinct = events.subList(0, 5000).stream().filter(e -> e.payload() != null)
                        .map(e -> java.util.HexFormat.of().formatHex(e.payload())).distinct().count();
                if (cap == BytesLeaf.MAX_DICTIONARY_BYTES) {
                    assertEquals(distinct, dictionarySize, "each distinct payload of the first row group once");
                } else {
                    assertTrue(dictionarySize < distinct, dictionarySize + " values before the fallback");
                }
            }
            assertTrue(encodings.contains(Encoding.PLAIN_DICTIONARY), "payload ids: " + encodings);
            assertEquals(cap != BytesLeaf.MAX_DICTIONARY_BYTES, encodings.contains(Encoding.PLAIN),
                    "PLAIN only past the byte limit: " + encodings);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(payload), sum(octet_length(payload)), count(DISTINCT payload)"
                            + " FROM '" + p + "'")) {
                assertTrue(rs.next());
                assertEquals(events.stream().filter(e -> e.payload() != null).count(), rs.getLong(1));
                assertEquals(events.stream().filter(e -> e.payload() != null).mapToLong(e -> e.payload().length).sum(), rs.getLong(2));
                assertEquals(pages.length + 3, rs.getLong(3), "40 pages and 3 one-byte payloads");
            }
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

    /**
     * The projected payload column: rows of dictionary pages point into the row group's
     * dictionary (nothing copied: starts are not the offsets), a batch that also has PLAIN rows
     * is copied; either way every row's bytes are the written ones.
     */
    private static void sharedPayloadsMatch(Path p, List<TraceEvent> events, boolean allDictionary) throws IOException {
        int i = 0;
        boolean shared = false;
        try (io.ccatrace.trace.BatchReader r = TraceFiles.openColumns(p,
                EnumSet.of(io.ccatrace.trace.Column.SEQ, io.ccatrace.trace.Column.PAYLOAD))) {
            for (io.ccatrace.trace.EventBatch b = r.next(); b != null; b = r.next()) {
                io.ccatrace.trace.Column c = io.ccatrace.trace.Column.PAYLOAD;
                shared |= b.starts(c) != b.offsets(c);
                for (int k = 0; k < b.size(); k++, i++) {
                    assertArrayEquals(events.get(i).payload(), b.byteArray(c, k), "row " + i);
                }
            }
        }
        assertEquals(events.size(), i);
        assertEquals(allDictionary, shared, "dictionary rows shared, not copied (a batch with PLAIN rows is copied)");
    }
}
