package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's cursor over an Arrow stream hands the optional scalar and name columns it is
 * asked to over sparsely: the same rows as the dense cursor, and the event chain, recomputed
 * from the sparse form, still catches an edited value.
 */
class ArrowSparseTest {
    private static final int ROWS = 20_000;
    /**
     * Like the replay's: every column but those an input is fed from (written out here: this
     * module cannot see the replayer's InputFeeder.READS; the replay's own set, which also keeps
     * cause_seq dense, is covered end to end by the replayer's HashedReplayTest on an Arrow file).
     */
    private static final Set<Column> REPLAY = EnumSet.complementOf(EnumSet.of(Column.CPU, Column.FID, Column.ARGS,
            Column.PA, Column.PAYLOAD, Column.CMD, Column.REC, Column.IPA, Column.VALUE, Column.INDEX, Column.SIZE));

    @TempDir
    Path dir;

    private List<TraceEvent> events() {
        List<TraceEvent> l = new ArrayList<>();
        new SyntheticTrace(ROWS, 7).forEachRemaining(l::add);
        return l;
    }

    private Path write(String name, List<TraceEvent> events) throws IOException {
        return write(name, events, false);
    }

    private Path write(String name, List<TraceEvent> events, boolean lz4) throws IOException {
        Path p = dir.resolve(name);
        try (TraceWriter w = TraceFiles.create(p, TraceMetadata.empty().with(TraceMetadata.RMM_MODEL, "1.0"),
                io.ccatrace.trace.ArrowWrite.DEFAULT.withLz4(lz4))) {
            for (TraceEvent e : events) w.write(e);
        }
        return p;
    }

    /** The rows through the replay's cursor; sparse[0] is set when a batch had a sparse column. */
    private static List<TraceEvent> rows(Path p, Set<Column> sparse, List<String> warnings, boolean[] sawSparse) throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openDigestCheckedCursor(p, warnings::add, b -> sawSparse[0] |= anySparse(b), sparse)) {
            while (c.next()) rows.add(c.toEvent());
        }
        return rows;
    }

    private static boolean anySparse(EventBatch b) {
        for (Column c : Column.values()) {
            if (b.isSparse(c)) return true;
        }
        return false;
    }

    /** Plain and LZ4-compressed buffers (a compressed batch is decompressed before it is decoded). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void sparseColumnsGiveTheSameRows(boolean lz4) throws IOException {
        List<TraceEvent> events = events();
        Path p = write("t.arrows", events, lz4);
        for (Set<Column> sparse : List.of(Set.<Column>of(), EnumSet.allOf(Column.class), REPLAY)) {
            List<String> w = new ArrayList<>();
            boolean[] saw = {false};
            assertEquals(events, rows(p, sparse, w, saw), "sparse " + sparse);
            assertEquals(List.of(), w);
            assertEquals(!sparse.isEmpty(), saw[0], "a batch had a sparse column, for " + sparse);
        }
    }

    /** Overwrites the realm column's value of the first row that has one, in the first record batch. */
    private static void editRealm(Path p, List<TraceEvent> events) throws IOException {
        int row = 0;
        while (events.get(row).realm() == TraceEvent.NULL) row++;
        FirstBatchEdit.overwrite(p, Column.REALM, 8L * row,
                ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, 0x1234_5678L));
    }

    @Test
    void theChainOverSparseColumnsCatchesAnEditedValue() throws IOException {
        List<TraceEvent> events = events();
        Path p = write("edited.arrows", events);
        editRealm(p, events);
        List<String> dense = new ArrayList<>();
        rows(p, Set.of(), dense, new boolean[1]);
        assertEquals(1, dense.size(), dense.toString());
        assertTrue(dense.get(0).contains("integrity chain broken"), dense.get(0));
        for (Set<Column> sparse : List.of(EnumSet.allOf(Column.class), REPLAY)) {
            List<String> w = new ArrayList<>();
            rows(p, sparse, w, new boolean[1]);
            assertEquals(dense, w, "sparse " + sparse);
        }
        assertTrue(Files.size(p) > 0);
    }
}
