package io.ccatrace.model.script;

/**
 * A malformed action script: the message is {@code line N: <what is wrong>}, the form the
 * script contract prescribes. Line 0 means the problem is not tied to one line (e.g. a
 * machine description read from trace metadata).
 */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String problem;

    public ScriptException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
        this.problem = problem;
    }

    /** 1-based line of the script, or 0. */
    public int line() {
        return line;
    }

    /** What is wrong, without the line prefix. */
    public String problem() {
        return problem;
    }
}
