package io.ccatrace.trace;

/** The format version rules every reader applies to a file's metadata. */
public final class FormatVersion {
    /** The format version this code writes. */
    public static final int CURRENT = 2;
    /** The oldest reader format that can read what this code writes (2: the event hash changed). */
    public static final int MIN_READER = 2;
    /** The newest format whose files this code can read (it reads 1 and 2). */
    public static final int READS_UP_TO = 2;

    private FormatVersion() {
    }

    /**
     * The format version a file's metadata declares; files without one (plain JSONL dumps,
     * which carry no chain) count as the current format.
     */
    public static int of(TraceMetadata m) {
        String v = m.get(TraceMetadata.FORMAT_VERSION);
        if (v == null) return CURRENT;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return CURRENT;
        }
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
