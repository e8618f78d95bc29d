package io.ccatrace.trace;

import io.ccatrace.trace.chain.ChainVerifier;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The {@link TraceReader} of every format: reads rows from a {@link RowSource}, recomputes
 * the integrity chain, warns once on a broken chain or an unfinished trace, and turns any
 * failure of the format library into a {@link TraceFormatException} naming the file.
 */
public final class VerifyingReader implements TraceReader {
    /** A qualified or simple Java exception/error class name, with a following ": ". */
    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

    /** An object's default toString (class@hash): differs from run to run, so never shown. */
    private static final java.util.regex.Pattern IDENTITY = java.util.regex.Pattern.compile("\\s*(?:Struct: )?[\\w.$]+@[0-9a-f]{4,}");

    private final RowSource source;
    private final String file;
    private final Consumer<String> warnings;
    private final ChainVerifier verifier;
    private TraceEvent next;
    private boolean ended;
    private boolean warnedBreak;

    VerifyingReader(RowSource source, String file, Consumer<String> warnings) {
        this.source = source;
        this.file = file;
        this.warnings = warnings;
        this.verifier = new ChainVerifier(source.hasChain(), FormatVersion.of(source.header()));
    }

    @Override
    public TraceMetadata metadata() {
        TraceMetadata m = source.header();
        if (!ended) return m;
        for (var e : source.trailer().asMap().entrySet()) {
            m = m.with(e.getKey(), e.getValue());
        }
        if (m.get(TraceMetadata.EVENT_COUNT) == null) {
            m = m.with(TraceMetadata.EVENT_COUNT, Long.toString(verifier.count()));
        }
        if (m.get(TraceMetadata.COMPLETE) == null) {
            m = m.with(TraceMetadata.COMPLETE, Boolean.toString(source.complete()));
        }
        if (m.get(TraceMetadata.DIGEST) == null) {
            m = m.with(TraceMetadata.DIGEST, verifier.digestHex());
        }
        return m;
    }

    @Override
    public boolean hasNext() throws IOException {
        if (next != null) return true;
        if (ended) return false;
        TraceEvent e = guarded();
        if (e == null) {
            end();
            return false;
        }
        verifier.accept(e, source.checkpoint());
        warnBreak();
        next = e;
        return true;
    }

    @Override
    public TraceEvent next() throws IOException {
        if (!hasNext()) throw new java.util.NoSuchElementException("end of trace " + file);
        TraceEvent e = next;
        next = null;
        return e;
    }

    /** After the end: the first place the integrity chain breaks, or null. */
    public String chainBreak() {
        return verifier.firstBreak();
    }

    @Override
    public boolean complete() {
        return source.complete();
    }

    /** Events read so far. */
    public long count() {
        return verifier.count();
    }

    /** Digest recomputed over the events read (meaningful after the end). */
    public String computedDigest() {
        return verifier.digestHex();
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } catch (RuntimeException e) {
            throw new TraceFormatException(file + ": " + describe(e), e);
        }
    }

    private TraceEvent guarded() throws IOException {
        try {
            return source.next();
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new TraceFormatException(file + ": " + failure(e), e);
        }
    }

    private void end() {
        ended = true;
        if (source.complete()) {
            verifier.finish();
        } else {
            verifier.finishUnfinished();
        }
        warnBreak();
        if (!source.complete()) {
            warnings.accept(incomplete(file, verifier.count()));
        }
    }

    /**
     * The warning every reader gives for a trace whose recording did not finish; readable is
     * the number of events read from its start, or negative when the reader did not start there.
     */
    public static String incomplete(String file, long readable) {
        return file + ": trace is incomplete (the recording did not finish)"
                + (readable >= 0 ? ": " + readable + " events readable" : "");
    }

    private void warnBreak() {
        if (!warnedBreak && verifier.firstBreak() != null) {
            warnedBreak = true;
            warnings.accept(file + ": " + verifier.firstBreak());
        }
    }

    /**
     * What went wrong, for a one-line error: what kind of damage (never a Java class name, so a
     * user sees no "Exception") and the library's message, with any class names in it dropped.
     */
    public static String describe(Throwable e) {
        String m = e.getMessage() == null ? ""
                : IDENTITY.matcher(JAVA_NAME.matcher(e.getMessage()).replaceAll("")).replaceAll("").strip();
        String what = damage(e);
        String s = m.isEmpty() ? what : what + ": " + m;
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * "corrupt trace: " + {@link #describe}, except for running out of memory, which a corrupt
     * length causes (a huge allocation) but so does a heap too small for an intact trace: the
     * line says both and how to give the JVM more (it said "corrupt trace" of an intact trace
     * read with -Xmx28m).
     */
    public static String failure(Throwable e) {
        if (!(e instanceof OutOfMemoryError)) return "corrupt trace: " + describe(e);
        long max = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory while reading it: a corrupt length too large to allocate, or a maximum heap of " + max
                + " MiB too small for this trace (CCATRACE_JAVA_OPTS=-Xmx... gives the JVM more)";
    }

    private static String damage(Throwable e) {
        if (e instanceof java.io.EOFException) return "unexpected end of data";
        if (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException
                || e instanceof java.nio.BufferUnderflowException || e instanceof java.nio.BufferOverflowException) {
            return "a length or offset out of range";
        }
        if (e instanceof OutOfMemoryError) return "a length too large to allocate";
        if (e instanceof StackOverflowError) return "structure nested too deep";
        if (e instanceof java.io.IOException) return "unreadable data";
        return "undecodable data";
    }
}
