package io.ccatrace.trace;

import java.io.IOException;

/** Turns any failure of a format library under a batch reader into a TraceFormatException. */
final class GuardedBatchReader implements BatchReader {
    private final BatchReader inner;
    private final String file;

    GuardedBatchReader(BatchReader inner, String file) {
        this.inner = inner;
        this.file = file;
    }

    @Override
    public TraceMetadata metadata() {
        return inner.metadata();
    }

    @Override
    public EventBatch next() throws IOException {
        try {
            return inner.next();
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new TraceFormatException(file + ": " + VerifyingReader.failure(e), e);
        }
    }

    @Override
    public void seek(long fromSeq) throws IOException {
        try {
            inner.seek(fromSeq);
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new TraceFormatException(file + ": " + VerifyingReader.failure(e), e);
        }
    }

    @Override
    public boolean doubleBuffer() {
        return inner.doubleBuffer();
    }

    @Override
    public int keep(int n) {
        return inner.keep(n);
    }

    /** Forwarded: failures are kept by the inner reader for its next() (see {@link BatchReader#lookAhead}). */
    @Override
    public boolean lookAhead() {
        return inner.lookAhead();
    }

    @Override
    public boolean complete() {
        return inner.complete();
    }

    @Override
    public String chainBreak() {
        return inner.chainBreak();
    }

    @Override
    public String computedDigest() {
        return inner.computedDigest();
    }

    @Override
    public void close() throws IOException {
        try {
            inner.close();
        } catch (RuntimeException e) {
            throw new TraceFormatException(file + ": " + VerifyingReader.describe(e), e);
        }
    }
}
