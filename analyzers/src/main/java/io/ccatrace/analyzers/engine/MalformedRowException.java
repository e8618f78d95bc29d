package io.ccatrace.analyzers.engine;

import io.ccatrace.trace.TraceFormatException;
import java.io.UncheckedIOException;

/**
 * A row whose values no RMM could have produced and that the shadow cannot follow (for example
 * an RTT entry at a level outside 0..3, whose block would span more than the address space): the
 * trace is bad input, not evidence of a violation. The message names the row's seq; the command
 * that ran the analyzer adds the file.
 */
public final class MalformedRowException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public MalformedRowException(long seq, String what) {
        super("event seq " + seq + ": " + what, new TraceFormatException("event seq " + seq + ": " + what));
    }
}
