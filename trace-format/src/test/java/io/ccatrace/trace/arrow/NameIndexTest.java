package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name column's dictionary index in an Arrow record batch: a valid row's index must lie
 * inside the dictionary; a null row's index slot means nothing (the Arrow format leaves it
 * undefined), so whatever it holds the row reads as null.
 */
class NameIndexTest {
    private static final int ROWS = 40;

    @TempDir
    Path dir;

    private Path trace() throws IOException {
        Path p = dir.resolve("t.arrows");
        TraceMetadata meta = TraceMetadata.empty().with(TraceMetadata.RMM_MODEL, "1.0");
        try (TraceWriter w = TraceFiles.create(p, meta)) {
            for (int s = 0; s < ROWS; s++) {
                TraceEvent.Builder b = TraceEvent.builder(s, EventKind.RMI_CALL).time(s).cpu(0);
                if (s % 3 != 1) b.cmd(s % 2 == 0 ? "RMI_VERSION" : "RMI_GRANULE_DELEGATE");  // rows 1, 4, 7, ... null
                w.write(b.build());
            }
        }
        return p;
    }

    private static List<String> cmds(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        try (TraceCursor c = TraceFiles.openCursor(p, Set.of(Column.values()), Long.MIN_VALUE, false, w -> { })) {
            while (c.next()) out.add(c.cmd());
        }
        return out;
    }

    /** Writes a 16-bit index into the cmd column's index buffer of the first record batch, at row. */
    private static void setIndex(Path p, int row, short index) throws IOException {
        FirstBatchEdit.overwrite(p, Column.CMD, 2L * row, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, index));
    }

    @Test
    void aNullRowReadsAsNullWhateverItsIndexSlotHolds() throws IOException {
        Path p = trace();
        List<String> before = cmds(p);
        assertEquals(null, before.get(1));
        assertEquals("RMI_VERSION", before.get(0));
        setIndex(p, 1, (short) 0x7FFF);
        setIndex(p, 4, (short) -3);
        assertEquals(before, cmds(p));
    }

    @Test
    void aPresentRowsIndexOutsideTheDictionaryIsRefused() throws IOException {
        Path p = trace();
        setIndex(p, 2, (short) 0x7FFF);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> cmds(p));
        assertEquals(p + ": cmd index 32767 outside its dictionary", e.getMessage());
        Path q = trace();
        setIndex(q, 3, (short) -1);
        e = assertThrows(TraceFormatException.class, () -> cmds(q));
        assertEquals(q + ": cmd index -1 outside its dictionary", e.getMessage());
    }
}
