package io.ccatrace.cli;

/**
 * A mistake in what the user gave us (file, option, script): reported as one line, exit 2,
 * never with a stack trace.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
