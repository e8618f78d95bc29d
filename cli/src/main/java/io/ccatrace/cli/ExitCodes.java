package io.ccatrace.cli;

/** Process exit codes, mapped in one place. */
public final class ExitCodes {
    /** Success; for replay/analyze: nothing differs / no violation. */
    public static final int OK = 0;
    /** A finding: a replay divergence or an analyzer violation. */
    public static final int FINDING = 1;
    /** Bad input: malformed script, corrupt trace, bad option. */
    public static final int BAD_INPUT = 2;
    /** A bug in ccatrace itself. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
