package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.chain.BatchContentHash;
import io.ccatrace.trace.chain.ContentHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keyed content hash: column by column over a batch it equals the row-by-row hash, a
 * cursor opened with it as its batch task gives it per row, every compared column counts
 * (any one changed changes the hash; seq, time and cause_seq do not count), and rows with
 * lists or payloads too long to hash are never matched; given column by column (as a
 * {@link ColumnSink}) a row hashes the same.
 */
class ContentHashTest {
    private static final Set<Column> NOT_HASHED = EnumSet.of(Column.SEQ, Column.TIME, Column.CAUSE_SEQ,
            Column.INPUT, Column.CHAIN);

    @TempDir
    Path dir;

    /** edgy rows plus rows whose args, out or payload are longer than the hash takes. */
    private static List<TraceEvent> rows() {
        List<TraceEvent> l = new ArrayList<>(CursorTest.edgy(70_000));
        for (int i = 100; i < l.size(); i += 9_001) {
            TraceEvent.Builder b = l.get(i).toBuilder();
            if (i % 3 == 0) b.args(new long[65]);
            if (i % 3 == 1) b.out(new long[70]);
            if (i % 3 == 2) b.payload(new byte[4097]);
            l.set(i, b.build());
        }
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrows", "t.parquet", "sparse: t.parquet", "sparse names and scalars: t.parquet"})
    void batchHashEqualsRowHash(String name) throws IOException {
        List<TraceEvent> events = rows();
        Path p = dir.resolve(name.substring(name.indexOf(':') + 1).trim());
        TraceRoundTripTest.write(p, events);
        BatchContentHash batchHash = new BatchContentHash();
        ContentHash rowHash = new ContentHash();
        int i = 0;
        int unhashed = 0;
        int sparseBatches = 0;
        try (BatchReader r = reader(p, name)) {
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                if (b.isSparse(Column.STATUS)) sparseBatches++;
                batchHash.accept(b);
                long[] h = b.attached();
                for (int k = 0; k < b.size(); k++, i++) {
                    if (rowHash.hash(events.get(i))) {
                        assertEquals(rowHash.first(), h[2 * k], "row " + i);
                        assertEquals(rowHash.second(), h[2 * k + 1], "row " + i);
                        assertTrue(rowHash.matches(events.get(i), h, k), "row " + i);
                    } else {
                        unhashed++;
                        assertEquals(0, h[2 * k] | h[2 * k + 1], "row " + i + " cannot be hashed");
                        assertFalse(rowHash.matches(events.get(i), h, k), "row " + i);
                    }
                }
            }
        }
        assertEquals(events.size(), i);
        assertEquals(8, unhashed);
        assertEquals(name.startsWith("sparse"), sparseBatches > 0, "sparse batches: " + sparseBatches);
    }

    /**
     * Every column of p; "sparse": a Parquet reader handing every optional column over
     * sparsely, "sparse names and scalars": only the optional scalar and name columns but
     * cpu and cmd (as the replay's cursor: some sparse, some not).
     */
    private static BatchReader reader(Path p, String how) throws IOException {
        if (!how.startsWith("sparse")) return TraceFiles.openColumns(p, Set.of(Column.values()));
        Set<Column> sparse = EnumSet.allOf(Column.class);
        if (how.startsWith("sparse names")) {
            sparse.removeIf(c -> c.type() != Column.Type.LONG && c.type() != Column.Type.INT && c.type() != Column.Type.NAME);
            sparse.removeAll(Set.of(Column.CPU, Column.CMD));
        }
        return new io.ccatrace.trace.parquet.ParquetBatchReader(p, Set.of(Column.values()), 1).sparse(sparse);
    }

    /**
     * Given as a {@link ColumnSink} (as a replay hashes a replayed event, with no row), in
     * another order and with only the non-null columns, a row hashes as {@link ContentHash#hash}
     * hashes it: the hash is a sum over the columns' slots, and null values add nothing.
     */
    @Test
    void columnsGivenOneByOneInAnyOrderHashAsTheRow() {
        ContentHash rowHash = new ContentHash();
        ContentHash sinkHash = new ContentHash();
        int unhashed = 0;
        for (TraceEvent e : rows()) {
            boolean hashed = rowHash.hash(e);
            giveReversed(sinkHash, e);
            assertEquals(hashed, sinkHash.hashed(), "row " + e.seq());
            if (!hashed) {
                unhashed++;
                continue;
            }
            assertEquals(rowHash.first(), sinkHash.first(), "row " + e.seq());
            assertEquals(rowHash.second(), sinkHash.second(), "row " + e.seq());
        }
        assertEquals(8, unhashed);
    }

    /** e's columns to s, last column first, null ones left out; seq, time and cause_seq changed (they do not count). */
    private static void giveReversed(ColumnSink s, TraceEvent e) {
        s.start(e.seq() + 1, e.kind(), e.time() + 1);
        if (e.payload() != null) s.payload(e.payload());
        if (e.size() != TraceEvent.NULL_INT) s.size(e.size());
        if (e.value() != TraceEvent.NULL) s.value(e.value());
        if (e.outcome() != null) s.outcome(e.outcome());
        if (e.half() != null) s.half(e.half());
        if (e.access() != null) s.access(e.access());
        if (e.hpfar() != TraceEvent.NULL) s.hpfar(e.hpfar());
        if (e.far() != TraceEvent.NULL) s.far(e.far());
        if (e.esr() != TraceEvent.NULL) s.esr(e.esr());
        if (e.exitReason() != null) s.exitReason(e.exitReason());
        if (e.ripas() != null) s.ripas(e.ripas());
        if (e.pas() != null) s.pas(e.pas());
        if (e.toRipas() != null) s.toRipas(e.toRipas());
        if (e.fromRipas() != null) s.fromRipas(e.fromRipas());
        if (e.to() != null) s.to(e.to());
        if (e.from() != null) s.from(e.from());
        if (e.level() != TraceEvent.NULL_INT) s.level(e.level());
        if (e.pa() != TraceEvent.NULL) s.pa(e.pa());
        if (e.ipa() != TraceEvent.NULL) s.ipa(e.ipa());
        if (e.rec() != TraceEvent.NULL) s.rec(e.rec());
        if (e.realm() != TraceEvent.NULL) s.realm(e.realm());
        if (e.out() != null) s.out(e.out());
        if (e.index() != TraceEvent.NULL_INT) s.index(e.index());
        if (e.status() != null) s.status(e.status());
        if (e.args() != null) s.args(e.args());
        if (e.fid() != TraceEvent.NULL) s.fid(e.fid());
        if (e.cmd() != null) s.cmd(e.cmd());
        if (e.cpu() != TraceEvent.NULL_INT) s.cpu(e.cpu());
        s.causeSeq(e.causeSeq() + 1);
    }

    @Test
    void aCursorWithTheBatchTaskGivesEveryRowsHash() throws IOException {
        List<TraceEvent> events = rows();
        Path p = dir.resolve("t.parquet");
        TraceRoundTripTest.write(p, events);
        ContentHash h = new ContentHash();
        int matched = 0;
        try (TraceCursor c = TraceFiles.openCursor(p, Set.of(Column.values()), Long.MIN_VALUE, true, true,
                w -> { }, new BatchContentHash())) {
            while (c.next()) {
                assertNotNull(c.attached());
                if (h.matches(events.get((int) c.seq()), c.attached(), c.row())) matched++;
            }
        }
        assertEquals(events.size() - 8, matched);
        try (TraceCursor c = TraceFiles.openCursor(p, Set.of(Column.values()), Long.MIN_VALUE, false, true,
                w -> { }, new BatchContentHash())) {
            assertTrue(c.next());
            assertNull(c.attached(), "no task without read-ahead");
        }
    }

    /** Every compared column, changed alone (null to a value, a value to another, a value to null), changes the hash. */
    @Test
    void everyComparedColumnCountsAndPositionsDoNot() {
        ContentHash h = new ContentHash();
        int changes = 0;
        for (TraceEvent e : TraceRoundTripTest.sample(400)) {
            assertTrue(h.hash(e));
            long a = h.first();
            long b = h.second();
            assertTrue(h.hash(e.toBuilder().time(e.time() + 1).causeSeq(e.causeSeq() + 5).build()));
            assertEquals(a, h.first());
            assertEquals(b, h.second());
            for (Column c : Column.values()) {
                if (NOT_HASHED.contains(c)) continue;
                for (TraceEvent x : changed(e, c)) {
                    assertTrue(h.hash(x));
                    assertFalse(h.first() == a && h.second() == b, c + " of " + e + " -> " + x);
                    changes++;
                }
            }
        }
        assertTrue(changes > 400 * 27, "changes tried: " + changes);
    }

    @Test
    void kindCounts() {
        ContentHash h = new ContentHash();
        java.util.Set<List<Long>> seen = new java.util.HashSet<>();
        for (EventKind k : EventKind.values()) {
            assertTrue(h.hash(TraceEvent.builder(1, k).pa(0x1000).build()));
            seen.add(List.of(h.first(), h.second()));
        }
        assertEquals(EventKind.values().length, seen.size());
    }

    /** The row with column c changed in each way that applies (kind: {@link #kindCounts}). */
    static List<TraceEvent> changed(TraceEvent e, Column c) {
        List<TraceEvent> out = new ArrayList<>();
        switch (c.type()) {
            case LONG:
            case INT: {
                long v = c.getLong(e);
                long other = v == TraceEvent.NULL ? 0 : v ^ 1;
                TraceEvent.Builder b = e.toBuilder();
                c.setLong(b, other);
                out.add(b.build());
                if (v != TraceEvent.NULL) {
                    b = e.toBuilder();
                    c.setLong(b, TraceEvent.NULL);
                    out.add(b.build());
                }
                break;
            }
            case KIND:
                break;                             // kindCounts
            case NAME: {
                String v = c.getName(e);
                TraceEvent.Builder b = e.toBuilder();
                c.setName(b, v == null ? "" : v + "x");
                out.add(b.build());
                if (v != null) {
                    b = e.toBuilder();
                    c.setName(b, null);
                    out.add(b.build());
                }
                break;
            }
            case LONGS: {
                long[] v = c.getLongs(e);
                TraceEvent.Builder b = e.toBuilder();
                c.setLongs(b, v == null ? new long[0] : v.length == 0 ? new long[] {0} : flipLast(v));
                out.add(b.build());
                if (v != null) {
                    b = e.toBuilder();
                    c.setLongs(b, null);
                    out.add(b.build());
                }
                break;
            }
            default: {
                byte[] p = e.payload();
                out.add(e.toBuilder().payload(p == null ? new byte[0] : p.length == 0 ? new byte[] {0} : flipLast(p)).build());
                if (p != null) out.add(e.toBuilder().payload(null).build());
            }
        }
        return out;
    }

    private static long[] flipLast(long[] v) {
        long[] x = v.clone();
        x[x.length - 1] ^= 1L << 40;
        return x;
    }

    private static byte[] flipLast(byte[] v) {
        byte[] x = v.clone();
        x[x.length - 1] ^= 0x10;
        return x;
    }
}
