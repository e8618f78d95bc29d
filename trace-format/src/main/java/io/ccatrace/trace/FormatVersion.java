package io.ccatrace.trace;

/** The format version rules every reader applies to a file's metadata. */
public final class FormatVersion {
    /** The format version this code writes. */
    public static final int CURRENT = 2;
    /** The oldest reader format that can read what this code writes (2: the event hash changed). */
    public static final int MIN_READER = 2;
    /**
     * The oldest reader format that can read an Arrow stream with LZ4_FRAME-compressed buffers
     * (trace format 2 content; the buffers' encoding is what an older reader cannot read).
     */
    public static final int MIN_READER_LZ4 = 3;
    /** The newest reader format this code is (it reads formats 1 and 2, and compressed Arrow buffers). */
    public static final int READS_UP_TO = 3;

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
