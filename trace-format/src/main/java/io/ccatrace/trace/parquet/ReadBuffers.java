package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A reader's array pools: decompressed pages ({@link PageBuffers}), column chunks
 * ({@link ChunkBuffers}) and batch objects. A {@link ParquetBatchReader} gives them back when
 * it is closed and the next one opened takes them, so a process that opens trace after trace
 * (bench passes, a replay's windows, state queries) allocates its page, chunk and batch arrays
 * once, not per open.
 * One set is kept, softly (the collector may drop it); two readers open at once each have
 * their own.
 */
final class ReadBuffers {
    private static final AtomicReference<SoftReference<ReadBuffers>> SPARE = new AtomicReference<>();
    /** Batch objects of at most this many rows are kept for the next reader (analyze's projected cursor: 4,096). */
    static final int KEPT_BATCH_ROWS = 1 << 12;

    final PageBuffers pages = new PageBuffers();
    final ChunkBuffers chunks = new ChunkBuffers();
    /** The batch objects of the reader that gave these pools back (only the owning reader touches them). */
    private final ArrayDeque<EventBatch> batches = new ArrayDeque<>();

    private ReadBuffers() {
    }

    /** The pools a closed reader gave back, else new ones. */
    static ReadBuffers take() {
        SoftReference<ReadBuffers> s = SPARE.getAndSet(null);
        ReadBuffers b = s == null ? null : s.get();
        return b != null ? b : new ReadBuffers();
    }

    /** A batch object of exactly these columns kept from the reader before (nothing attached), else a new one. */
    EventBatch batch(Set<Column> columns) {
        for (Iterator<EventBatch> it = batches.iterator(); it.hasNext(); ) {
            EventBatch b = it.next();
            if (b.columns().equals(columns)) {
                it.remove();
                b.attach(null);
                return b;
            }
        }
        return EventBatch.of(columns);
    }

    /**
     * Gives these pools and the reader's batch objects to the next reader; the caller no
     * longer uses them nor any array from them.
     */
    void giveBack(EventBatch[] used) {
        batches.clear();
        for (EventBatch b : used) batches.add(b);
        SPARE.set(new SoftReference<>(this));
    }
}
