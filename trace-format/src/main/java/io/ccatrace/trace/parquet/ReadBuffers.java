package io.ccatrace.trace.parquet;

import java.lang.ref.SoftReference;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A reader's array pools: decompressed pages ({@link PageBuffers}) and column chunks
 * ({@link ChunkBuffers}). A {@link ParquetBatchReader} gives its pools back when it is closed
 * and the next one opened takes them, so a process that opens trace after trace (bench passes,
 * a replay's windows, state queries) allocates its page and chunk arrays once, not per open.
 * One set is kept, softly (the collector may drop it); two readers open at once each have
 * their own.
 */
final class ReadBuffers {
    private static final AtomicReference<SoftReference<ReadBuffers>> SPARE = new AtomicReference<>();

    final PageBuffers pages = new PageBuffers();
    final ChunkBuffers chunks = new ChunkBuffers();

    private ReadBuffers() {
    }

    /** The pools a closed reader gave back, else new ones. */
    static ReadBuffers take() {
        SoftReference<ReadBuffers> s = SPARE.getAndSet(null);
        ReadBuffers b = s == null ? null : s.get();
        return b != null ? b : new ReadBuffers();
    }

    /** Gives these pools to the next reader; the caller no longer uses them nor any array from them. */
    void giveBack() {
        SPARE.set(new SoftReference<>(this));
    }
}
