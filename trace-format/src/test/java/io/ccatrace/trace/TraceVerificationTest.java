package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.chain.HashChain;
import io.ccatrace.trace.parquet.ParquetSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * verify and info read an Arrow or Parquet trace in batches ({@link TraceVerification#run});
 * the row reader ({@link VerifyingReader}, {@link TraceVerification#byRows}) is the reference:
 * every part of the verdict must be the same, for intact, edited, damaged and unfinished
 * traces. Each case also checks the verdict against what the chain's definition says
 * (docs/trace-format.md, "Integrity chain"), computed here from the rows with a
 * {@link HashChain}.
 */
class TraceVerificationTest {
    private static final int ROWS = 3 * HashChain.INTERVAL + 1000;

    @TempDir
    Path dir;

    enum Case {
        /** Every checkpoint stored as computed. */
        INTACT,
        /** Row 5000 differs from the row its interval's checkpoint was computed over. */
        EDITED_ROW,
        /** The checkpoint at row 8191 has a flipped bit. */
        DAMAGED_CHECKPOINT,
        /** A recording that stopped: no checkpoint after row 12287, no end marker or complete flag. */
        UNFINISHED_TAIL,
        /** Finished as complete, but the last 1,000 rows have no checkpoint. */
        FINISHED_WITHOUT_LAST_CHECKPOINT
    }

    @ParameterizedTest
    @CsvSource({
        "t.arrows, INTACT", "t.parquet, INTACT",
        "t.arrows, EDITED_ROW", "t.parquet, EDITED_ROW",
        "t.arrows, DAMAGED_CHECKPOINT", "t.parquet, DAMAGED_CHECKPOINT",
        "t.arrows, UNFINISHED_TAIL", "t.parquet, UNFINISHED_TAIL",
        "t.arrows, FINISHED_WITHOUT_LAST_CHECKPOINT", "t.parquet, FINISHED_WITHOUT_LAST_CHECKPOINT"})
    void batchVerdictIsTheRowReaders(String name, Case c) throws IOException {
        List<TraceEvent> good = CursorTest.edgy(ROWS);
        Path p = dir.resolve(name);
        write(p, good, c);
        TraceVerification.Result batch = TraceVerification.run(p);
        TraceVerification.Result rows = TraceVerification.byRows(p);

        assertEquals(rows.events(), batch.events(), "events");
        assertEquals(rows.complete(), batch.complete(), "complete");
        assertEquals(rows.digest(), batch.digest(), "digest");
        assertEquals(rows.problem(), batch.problem(), "problem");
        assertEquals(rows.perKind(), batch.perKind(), "per kind");
        assertEquals(rows.metadata().asMap(), batch.metadata().asMap(), "metadata");
        assertEquals(rows.storage(), batch.storage(), "storage");
        assertEquals(rows.warnings(), batch.warnings(), "warnings");

        assertEquals(ROWS, batch.events());
        assertEquals(perKind(good), batch.perKind());
        String all = chainOver(good);
        switch (c) {
            case INTACT:
                assertNull(batch.problem());
                assertTrue(batch.complete());
                assertEquals(all, batch.digest());
                break;
            case EDITED_ROW:
                assertTrue(batch.problem().startsWith("integrity chain broken: an event in seq 4096..8191 "), batch.problem());
                break;
            case DAMAGED_CHECKPOINT:
                assertTrue(batch.problem().startsWith("integrity chain broken: an event in seq 4096..8191 "), batch.problem());
                assertEquals(all, batch.digest(), "a damaged stored checkpoint does not change what is computed");
                break;
            case UNFINISHED_TAIL:
                assertNull(batch.problem(), "rows not yet checkpointed when the recording stopped are no break");
                assertFalse(batch.complete());
                assertEquals(all, batch.digest(), "the digest covers the rows after the last checkpoint");
                assertEquals(List.of(VerifyingReader.incomplete(p.toString(), ROWS)), batch.warnings());
                break;
            default:
                assertEquals("integrity chain broken: an event in seq 12288.." + (ROWS - 1) + " differs from what was "
                        + "recorded (the events after the last checkpoint have none)", batch.problem());
                assertTrue(batch.complete());
                assertEquals(all, batch.digest());
        }
    }

    /** The chain value over every row, the last interval closed at the last row. */
    private static String chainOver(List<TraceEvent> rows) {
        HashChain chain = new HashChain();
        for (TraceEvent e : rows) {
            if (chain.add(e)) chain.checkpoint();
        }
        if (chain.hasPending()) chain.checkpoint();
        return chain.lastHex();
    }

    private static Map<EventKind, Long> perKind(List<TraceEvent> rows) {
        Map<EventKind, Long> m = new EnumMap<>(EventKind.class);
        for (TraceEvent e : rows) m.merge(e.kind(), 1L, Long::sum);
        return m;
    }

    private static void write(Path p, List<TraceEvent> good, Case c) throws IOException {
        TraceMetadata h = TraceFiles.header(TraceRoundTripTest.meta());
        RowSink sink = p.toString().endsWith(".arrows") ? new ArrowStreamSink(p, h, new RootAllocator()) : new ParquetSink(p, h);
        List<TraceEvent> written = c == Case.EDITED_ROW ? CursorChainTest.editedAt(good, 5000) : good;
        boolean lastCheckpoint = c == Case.INTACT || c == Case.EDITED_ROW || c == Case.DAMAGED_CHECKPOINT;
        HashChain chain = new HashChain();
        for (int i = 0; i < good.size(); i++) {
            boolean boundary = chain.add(good.get(i));
            sink.write(written.get(i));
            if (!boundary && !(lastCheckpoint && i == good.size() - 1)) continue;
            byte[] v = chain.checkpoint();
            if (c == Case.DAMAGED_CHECKPOINT && i == 2 * HashChain.INTERVAL - 1) v[3] ^= 0x10;
            sink.checkpoint(v);
        }
        TraceMetadata end = TraceMetadata.empty().with(TraceMetadata.EVENT_COUNT, Integer.toString(good.size()));
        if (c == Case.UNFINISHED_TAIL) {
            // a writer that stopped before closing its chain: no digest either
            sink.abandon(end.with(TraceMetadata.COMPLETE, "false"));
        } else {
            sink.finish(end.with(TraceMetadata.COMPLETE, "true").with(TraceMetadata.DIGEST, chain.lastHex()));
        }
    }
}
