package io.ccatrace.trace;

import io.ccatrace.trace.parquet.ParquetBatchReader;
import io.ccatrace.trace.parquet.StorageDigest;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The integrity check of a reader that decodes only some columns of a Parquet trace with
 * storage digests ({@link StorageDigest}): on a thread of its own, the stored bytes of every
 * row group are hashed and compared with the footer (no decoding). Only when they differ is
 * the exact event chain recomputed (every column decoded and hashed, as {@code verify} does),
 * because a file re-encoded by another tool differs in its bytes with every event unchanged:
 * the warning comes from the event chain, with its usual message naming the seq range; a row
 * group that cannot even be decoded is reported with the seq range of its digest.
 *
 * <p>For a trace without storage digests (Arrow, Parquet from other writers) the same thread
 * recomputes the event chain from the start ({@link #startEventChain}), so that a reader of a
 * projection warns on a broken chain there too.
 */
public final class StorageCheck implements Closeable {
    private final Path path;
    private final boolean digests;
    private final Thread thread;
    private volatile boolean stopped;
    /** The first break (one line), or null; valid once the thread has ended. */
    private volatile String firstBreak;

    private StorageCheck(Path path, boolean digests) {
        this.path = path;
        this.digests = digests;
        this.thread = new Thread(this::run, "ccatrace-storage-check");
        thread.setDaemon(true);
    }

    /** Starts checking a Parquet trace whose metadata has storage digests. */
    public static StorageCheck start(Path path) {
        StorageCheck c = new StorageCheck(path, true);
        c.thread.start();
        return c;
    }

    /** Starts recomputing the event chain of an Arrow or Parquet trace over every column. */
    public static StorageCheck startEventChain(Path path) {
        StorageCheck c = new StorageCheck(path, false);
        c.thread.start();
        return c;
    }

    private void run() {
        if (!digests) {
            firstBreak = eventChain(null);
            return;
        }
        StorageDigest.Outcome o;
        try {
            o = StorageDigest.check(path, () -> stopped);
        } catch (java.io.IOException | RuntimeException e) {
            o = new StorageDigest.Outcome(true, 0, 0, -1, null);
        }
        if (!stopped && !o.matches()) firstBreak = eventChain(o);
    }

    /**
     * The exact check (after a digest mismatch, or without digests): every column decoded, the
     * event chain recomputed. o is the digest outcome, null without digests.
     */
    private String eventChain(StorageDigest.Outcome o) {
        try (BatchReader r = digests ? new ParquetBatchReader(path, EnumSet.allOf(Column.class))
                : TraceFiles.openColumns(path, EnumSet.allOf(Column.class), w -> { })) {
            ChainCheck chain = new ChainCheck(FormatVersion.of(r.metadata()));
            EventBatch b;
            while (!stopped && (b = r.next()) != null) {
                chain.accept(b);
                if (chain.firstBreak() != null) return chain.firstBreak();
            }
            if (stopped) return null;
            chain.finish(r.complete());
            return chain.firstBreak();
        } catch (java.io.IOException | RuntimeException e) {
            if (o == null) {
                return "integrity chain not checked: the trace cannot be read back over every column ("
                        + VerifyingReader.describe(e) + ")";
            }
            String range = o.lastSeq() >= o.firstSeq() ? "seq " + o.firstSeq() + ".." + o.lastSeq() : "row group " + o.firstBad();
            return "integrity chain broken: an event in " + range + " cannot be read back ("
                    + VerifyingReader.describe(e) + ")";
        }
    }

    /** The first break if the check has ended with one; null while it runs or when intact. */
    public String poll() {
        return thread.isAlive() ? null : firstBreak;
    }

    /** Waits for the check to end; the first break, or null when intact. */
    public String await() throws java.io.InterruptedIOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while checking the storage digest");
        }
        return firstBreak;
    }

    /** Stops the check (it ends at the next row group or batch) and waits for its thread. */
    @Override
    public void close() {
        stopped = true;
        ThreadJoin.uninterruptibly(thread);
    }
}
