package io.ccatrace.replay;

import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups a trace's rows, streaming, into {@link Window}s: an input row and the effect rows
 * after it. Checks the row order replay depends on (dense increasing seq) and throws
 * {@link BadInputException} when it is broken. Rows come from a row reader (immutable rows,
 * kept as they are) or from a cursor whose row object is reused; those are copied into a
 * pool of {@link RowCopy}s that is refilled window after window, so nothing is allocated
 * per row once the pool has grown to the longest window.
 */
public final class WindowReader implements WindowSource {
    /** A row cursor: {@link #next()} moves {@link #row()} (one reused view) to the next row. */
    public interface Cursor {
        boolean next() throws IOException;

        EventView row();

        /** After the end: whether the trace was finished (false for a recording that did not finish). */
        default boolean complete() {
            return true;
        }
    }

    private final TraceReader reader;
    private final Cursor cursor;
    private final Window window = new Window();
    private final List<RowCopy> pool = new ArrayList<>();
    private RowCopy firstSlot = new RowCopy();
    private RowCopy pendingSlot = new RowCopy();
    private EventView pending;
    private long expectSeq;
    private boolean lastCut;

    public WindowReader(TraceReader reader) {
        this.reader = reader;
        this.cursor = null;
    }

    public WindowReader(Cursor cursor) {
        this.reader = null;
        this.cursor = cursor;
    }

    /** A trace readers' row cursor as a {@link Cursor}. */
    static Cursor cursorOf(TraceCursor c) {
        return new Cursor() {
            @Override
            public boolean next() throws IOException {
                return c.next();
            }

            @Override
            public EventView row() {
                return c;
            }

            @Override
            public boolean complete() {
                return c.complete();
            }
        };
    }

    /** The next window (the same instance, refilled), or null at the end of the trace. */
    @Override
    public Window next() throws IOException {
        if (pending == null) pending = read(pendingSlot);
        if (pending == null) return null;
        RowCopy t = firstSlot;                 // the window's first row keeps its copy
        firstSlot = pendingSlot;
        pendingSlot = t;
        EventView first = pending;
        pending = null;
        window.reset(first.isInput() ? first : null);
        if (!first.isInput()) window.add(first);
        for (int k = 0; ; k++) {
            RowCopy slot = slot(k);
            EventView e = read(slot);
            if (e == null) {
                lastCut = !(cursor != null ? cursor.complete() : reader.complete());
                break;
            }
            if (e.isInput()) {
                pending = e;
                if (cursor != null) {          // keep the pending row's copy out of the pool
                    pool.set(k, pendingSlot);
                    pendingSlot = slot;
                }
                break;
            }
            window.add(e);
        }
        return window;
    }

    @Override
    public boolean lastWindowCut() {
        return lastCut;
    }

    private RowCopy slot(int k) {
        if (cursor == null) return null;
        while (pool.size() <= k) pool.add(new RowCopy());
        return pool.get(k);
    }

    private EventView read(RowCopy into) throws IOException {
        EventView e;
        if (cursor != null) {
            if (!cursor.next()) return null;
            e = into.copyOf(cursor.row());
        } else {
            if (!reader.hasNext()) return null;
            e = reader.next();
        }
        if (e.seq() != expectSeq) {
            throw outOfOrder(e.seq(), expectSeq);
        }
        expectSeq++;
        return e;
    }

    /** The error for a row whose seq is not the next one. */
    static BadInputException outOfOrder(long seq, long expected) {
        return new BadInputException("seq " + seq + " where " + expected
                + " was expected (rows must be in dense seq order)");
    }
}
