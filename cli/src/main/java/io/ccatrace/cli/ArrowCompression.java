package io.ccatrace.cli;

/** The --arrow-compression option of the commands that write traces: lz4 (the default) or none. */
final class ArrowCompression {
    static final String DESCRIPTION = "for .arrows output: lz4 (default; LZ4_FRAME-compressed buffers, about 2.5x"
            + " smaller and faster to write) or none (plain buffers, for Arrow readers without LZ4 support)";

    private ArrowCompression() {
    }

    /** Whether the option's value asks for LZ4 buffers. */
    static boolean lz4(String value) {
        switch (value) {
            case "lz4": return true;
            case "none": return false;
            default: throw new UserException("--arrow-compression: must be lz4 or none, got '" + value + "'");
        }
    }
}
