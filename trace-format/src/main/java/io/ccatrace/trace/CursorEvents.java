package io.ccatrace.trace;

import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * A {@link TraceReader} over a read-ahead cursor of every column: each row copied into a
 * {@link TraceEvent} ({@link TraceCursor#toEvent()}), for callers that keep events. The cursor
 * decodes on its reader thread and checks the event chain on its checker thread, and warns as
 * the row reader does; see {@link TraceFiles#openEvents}.
 */
final class CursorEvents implements TraceReader {
    private final TraceCursor cursor;
    private TraceEvent next;
    private boolean ended;

    CursorEvents(TraceCursor cursor) {
        this.cursor = cursor;
    }

    @Override
    public TraceMetadata metadata() {
        return cursor.metadata();
    }

    @Override
    public boolean hasNext() throws IOException {
        if (next != null) return true;
        if (ended) return false;
        if (!cursor.next()) {
            ended = true;
            return false;
        }
        next = cursor.toEvent();
        return true;
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
        return cursor.complete();
    }

    @Override
    public void close() throws IOException {
        cursor.close();
    }
}
