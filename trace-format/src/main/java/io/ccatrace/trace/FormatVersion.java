package io.ccatrace.trace;

/** The format version rules every reader applies to a file's metadata. */
public final class FormatVersion {
    /** The format version this code writes. */
    public static final int CURRENT = 1;
    /** The newest format whose files this code can read. */
    public static final int READS_UP_TO = 1;

    private FormatVersion() {
    }

    /**
     * Fails when the file needs a newer reader, or (when required) has no ccatrace version
     * at all, i.e. is some other program's file.
     */
    public static void check(String file, TraceMetadata m, boolean required) throws TraceFormatException {
        String min = m.get(TraceMetadata.MIN_READER_VERSION);
        if (min == null) {
            if (!required) return;
            throw new TraceFormatException(file + ": not a ccatrace trace (no "
                    + TraceMetadata.MIN_READER_VERSION + " in its metadata)");
        }
        int v;
        try {
            v = Integer.parseInt(min.trim());
        } catch (NumberFormatException e) {
            throw new TraceFormatException(file + ": bad " + TraceMetadata.MIN_READER_VERSION + " \"" + min + "\"");
        }
        if (v > READS_UP_TO) {
            throw new TraceFormatException(file + ": written in trace format "
                    + m.get(TraceMetadata.FORMAT_VERSION) + ", which needs a reader of format " + v
                    + " or newer; this ccatrace reads format " + READS_UP_TO + " (upgrade ccatrace)");
        }
    }
}
