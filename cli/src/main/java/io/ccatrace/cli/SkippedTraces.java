package io.ccatrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The unreadable traces of a command over many (`stats`, `analyze`): a trace that a reader
 * refuses (truncated, corrupt, not a trace, a malformed row) is skipped with one line naming
 * it and what is wrong, and the others are read, so one bad file among a thousand no longer
 * ends the whole run. A trace given alone still ends the command as before (its one-line
 * error, exit 2): there is nothing else to report. Only bad input is skipped; a bug in
 * ccatrace still ends the run (exit 3).
 */
final class SkippedTraces {
    /** Reads one trace; must leave nothing of it behind when it throws (the caller adopts its result only after). */
    interface Read {
        void read() throws IOException;
    }

    private final PrintWriter err;
    private final boolean alone;
    private int count;

    SkippedTraces(List<Path> traces, PrintWriter err) {
        this.err = err;
        this.alone = traces.size() == 1;
    }

    /** Runs read for trace; false when it was skipped (its line printed). */
    boolean read(Path trace, Read read) throws IOException {
        if (alone) {
            read.read();
            return true;
        }
        try {
            read.read();
            return true;
        } catch (IOException e) {
            skip(trace, Ccatrace.ioMessage(e));
        } catch (UncheckedIOException e) {
            skip(trace, Ccatrace.ioMessage(e.getCause()));
        } catch (UserException e) {
            skip(trace, e.getMessage());
        }
        return false;
    }

    /** "ccatrace: skipped: FILE: what": the single-trace error's words, the file named even where they do not. */
    private void skip(Path trace, String what) {
        String name = trace.toString();
        String message = what != null && what.contains(name) ? what : name + ": " + what;
        err.println("ccatrace: skipped: " + Ccatrace.oneLine(message));
        err.flush();
        count++;
    }

    /** How many traces were skipped so far. */
    int count() {
        return count;
    }
}
