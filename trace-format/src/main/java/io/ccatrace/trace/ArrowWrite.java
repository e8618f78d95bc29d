package io.ccatrace.trace;

/**
 * How an Arrow stream trace is written (Parquet and JSONL ignore it): lz4, every buffer
 * LZ4_FRAME-compressed (docs/trace-format.md); directIo, the file written with O_DIRECT where
 * the file system allows it (whole blocks past the page cache, the last partial block through
 * it), which spares the recording thread the kernel's page-cache work. The bytes in the file
 * are the same either way.
 */
public record ArrowWrite(boolean lz4, boolean directIo) {
    /** What `record` and every other writer use unless told otherwise. */
    public static final ArrowWrite DEFAULT = new ArrowWrite(false, true);

    public ArrowWrite withLz4(boolean on) {
        return new ArrowWrite(on, directIo);
    }

    public ArrowWrite withDirectIo(boolean on) {
        return new ArrowWrite(lz4, on);
    }
}
