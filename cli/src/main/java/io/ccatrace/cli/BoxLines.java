package io.ccatrace.cli;

import java.io.PrintWriter;

/**
 * The `bench box` probe around a benchmark's timed passes: "box before: ..." and "box after:
 * ...", so that its figures say which phase of a shared machine they were taken in
 * (docs/performance.md, "How to measure"). Off: prints nothing.
 */
final class BoxLines {
    /** The --box option's description, shared by the benchmarks that take it. */
    static final String DESCRIPTION = "on (default): probe this machine's speed (as `bench box`) before and after the"
            + " timed passes, so that the figures say how fast the machine was then; off: do not (saves ~5 s)";

    private final PrintWriter out;
    private final BoxProbe probe;

    private BoxLines(PrintWriter out, BoxProbe probe) {
        this.out = out;
        this.probe = probe;
    }

    /** For --box on|off; anything else is a one-line error. */
    static BoxLines of(String mode, PrintWriter out) {
        return new BoxLines(out, RecordCommand.onOff("--box", mode) ? new BoxProbe() : null);
    }

    void before() {
        print("box before: ");
    }

    void after() {
        print("box after:  ");
    }

    private void print(String label) {
        if (probe == null) return;
        out.println(label + probe.line());
        out.flush();
    }
}
