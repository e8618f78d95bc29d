package io.ccatrace.replay;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.ThreadJoin;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Windows read ahead on a second thread: that thread moves the cursor (decoding; the
 * trace readers check the integrity chain on a thread of their own), checks the dense seq
 * order and copies whole windows of rows into {@link RowBlock}s, while the replaying thread
 * re-executes the windows of the blocks before. A fixed ring of {@link #BLOCKS} blocks of
 * about {@link #BLOCK_ROWS} rows each: memory stays flat in trace length.
 *
 * <p>Results are those of the sequential {@link WindowReader}: the replaying thread gets
 * the same windows in the same order, and an error of the reading (bad seq order, a broken
 * file) is thrown to it after every window that was complete before it. With until >= 0
 * the reading stops after the first window starting past until (the one the replay stops
 * at), as far as the sequential reader reads. {@link #close()} stops and joins the reading
 * thread, so the cursor can be closed after it.
 */
final class ReadAhead implements WindowSource, AutoCloseable {
    static final int BLOCK_ROWS = 1024;
    static final int BLOCKS = 4;

    private final WindowReader.Cursor cursor;
    private final long until;
    /** Where the cursor's warnings go (null: straight through, as they come). */
    private final ReplayWarnings warnings;
    /** The block the reading thread fills (touched by that thread only). */
    private RowBlock filling;
    private final BlockingQueue<RowBlock> free = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<RowBlock> full = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread thread;
    private volatile boolean stop;
    private final Window window = new Window();
    private RowBlock current;
    private int next;

    ReadAhead(WindowReader.Cursor cursor, long until) {
        this(cursor, until, null);
    }

    /** With warnings: the cursor's warnings given just before the window they were read with. */
    ReadAhead(WindowReader.Cursor cursor, long until, ReplayWarnings warnings) {
        this.cursor = cursor;
        this.until = until;
        this.warnings = warnings;
        if (warnings != null) warnings.attach(w -> filling.warn(w));
        for (int i = 0; i < BLOCKS; i++) free.add(new RowBlock());
        thread = new Thread(this::read, "ccatrace-replay-read");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Window next() throws IOException {
        while (true) {
            if (current != null) {
                if (next < current.windows()) {
                    if (warnings != null) current.giveWarnings(next, warnings);
                    current.fill(window, next++);
                    return window;
                }
                if (warnings != null && current.last) current.giveWarnings(Integer.MAX_VALUE, warnings);
                if (current.error != null) throw rethrow(current.error);
                if (current.last) return null;
                free.add(current);
                current = null;
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for trace rows");
            }
            next = 0;
        }
    }

    @Override
    public boolean lastWindowCut() {
        return current != null && current.last && current.cut && next == current.windows();
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException) return (IOException) t;
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
        throw new UncheckedIOException(new IOException(t));
    }

    /** The reading thread: fills blocks until the end, the until window, an error or close(). */
    private void read() {
        RowBlock b = take();
        if (b == null) return;
        filling = b;
        long expect = 0;
        boolean first = true;
        try {
            boolean toTheEnd = true;
            while (cursor.next()) {
                EventView v = cursor.row();
                if (v.seq() != expect) throw WindowReader.outOfOrder(v.seq(), expect);
                expect++;
                if (first || v.isInput()) {
                    first = false;
                    if (until >= 0 && b.lastWindowSeq() > until) {   // the replay stops there
                        toTheEnd = false;
                        break;
                    }
                    if (b.rows() >= BLOCK_ROWS) {
                        full.add(b);
                        b = take();
                        if (b == null) return;
                        filling = b;
                    }
                    b.beginWindow();
                }
                b.add(v);
            }
            b.cut = toTheEnd && !cursor.complete();
        } catch (Throwable t) {
            b.dropLastWindow();
            b.error = t;
        }
        b.last = true;
        full.add(b);
    }

    /** A free block (cleared), or null when close() was called. */
    private RowBlock take() {
        try {
            while (!stop) {
                RowBlock b = free.poll(50, TimeUnit.MILLISECONDS);
                if (b != null) {
                    b.clear();
                    return b;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Stops the reading thread and waits for it (it no longer touches the cursor after). */
    @Override
    public void close() {
        stop = true;
        ThreadJoin.uninterruptibly(thread);
        if (warnings != null) warnings.detach();   // after the join: what was read ahead stays unsaid
    }
}
