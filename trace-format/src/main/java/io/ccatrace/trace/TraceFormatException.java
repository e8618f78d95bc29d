package io.ccatrace.trace;

import java.io.IOException;

/**
 * The one exception a reader throws for a file it cannot read: not a trace, truncated
 * before the first batch, corrupt, or written by a newer format. The message is one line
 * and names the file.
 */
public class TraceFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
