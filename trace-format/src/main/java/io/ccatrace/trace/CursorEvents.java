package io.ccatrace.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link TraceReader} over a read-ahead cursor of every column: each row copied into a
 * {@link TraceEvent} ({@link TraceCursor#toEvent()}), for callers that keep or print events.
 * The cursor decodes on its reader thread and checks the event chain on its checker thread,
 * and warns as the row reader does; see {@link TraceFiles#openEvents}.
 *
 * <p>A damaged file: the batch decoders refuse a whole batch (up to 4,096 rows) at the first
 * value they cannot decode, where the row reader gives every row before it (and parquet-java
 * decodes some damaged pages the batch decoders refuse, leaving the chain to report them). So
 * when the cursor fails as corrupt, the rest comes from the row reader, from the row after the
 * last one given: a damaged trace gives the same rows, warnings and error as before. A warning
 * both readers give is passed on once.
 */
final class CursorEvents implements TraceReader {
    private final Path path;
    private final Consumer<String> warnings;
    private TraceCursor cursor;
    /** The row reader once the cursor failed (null before). */
    private VerifyingReader rows;
    private TraceEvent next;
    private boolean ended;
    private long lastSeq = Long.MIN_VALUE;
    private boolean any;

    CursorEvents(Path path, Consumer<String> warnings) throws IOException {
        this.path = path;
        Set<String> given = new HashSet<>();
        this.warnings = w -> {
            if (given.add(w)) warnings.accept(w);
        };
        try {
            this.cursor = TraceFiles.openCursor(path, java.util.EnumSet.allOf(Column.class), Long.MIN_VALUE, true,
                    this.warnings);
        } catch (TraceFormatException damaged) {
            this.rows = TraceFiles.open(path, this.warnings);
        }
    }

    @Override
    public TraceMetadata metadata() {
        return rows != null ? rows.metadata() : cursor.metadata();
    }

    @Override
    public boolean hasNext() throws IOException {
        if (next != null) return true;
        if (ended) return false;
        if (rows == null) {
            try {
                if (cursor.next()) {
                    next = cursor.toEvent();
                } else {
                    ended = true;
                }
            } catch (TraceFormatException damaged) {
                rowReader();
            }
        }
        if (rows != null && next == null && !ended) {
            if (rows.hasNext()) next = rows.next(); else ended = true;
        }
        if (next == null) return false;
        lastSeq = next.seq();
        any = true;
        return true;
    }

    /** Goes on with the row reader, past the rows the cursor gave. */
    private void rowReader() throws IOException {
        cursor.close();
        rows = TraceFiles.open(path, warnings);
        while (any && rows.hasNext()) {
            TraceEvent e = rows.next();
            if (e.seq() > lastSeq) {
                next = e;
                return;
            }
        }
    }

    @Override
    public TraceEvent next() throws IOException {
        if (!hasNext()) throw new NoSuchElementException("end of trace");
        TraceEvent e = next;
        next = null;
        return e;
    }

    @Override
    public boolean complete() {
        return rows != null ? rows.complete() : cursor.complete();
    }

    @Override
    public void close() throws IOException {
        if (rows != null) rows.close(); else cursor.close();
    }
}
