package io.ccatrace.replay.input;

/** A trace row replay cannot feed (missing or malformed operand): a user-input error. */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
