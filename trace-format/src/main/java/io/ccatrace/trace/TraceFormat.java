package io.ccatrace.trace;

import java.nio.file.Path;

/** The file formats of a trace, chosen by file-name extension. */
public enum TraceFormat {
    /** Arrow IPC stream: the recording format (crash-safe, appendable). */
    ARROW_STREAM(".arrows"),
    /** Parquet: the archive and query format. */
    PARQUET(".parquet"),
    /** JSON lines in the dump form. */
    JSONL(".jsonl");

    private final String extension;

    TraceFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for this file name; a one-line TraceFormatException when unknown. */
    public static TraceFormat of(Path path) throws TraceFormatException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        for (TraceFormat f : values()) {
            if (name.endsWith(f.extension)) return f;
        }
        throw new TraceFormatException(path + ": unknown trace file extension (use .arrows, .parquet or .jsonl)");
    }
}
