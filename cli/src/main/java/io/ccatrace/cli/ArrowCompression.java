package io.ccatrace.cli;

/** The --arrow-compression option of the commands that write traces: none (the default) or lz4. */
final class ArrowCompression {
    static final String DESCRIPTION = "for .arrows output: none (default: plain buffers, any Arrow reader) or lz4"
            + " (LZ4_FRAME-compressed buffers: about 2.6x smaller, for Arrow readers with LZ4 support and ccatrace"
            + " from session 17; costs about as much CPU to encode as the smaller write saves)";

    private ArrowCompression() {
    }

    /** Whether the option's value asks for LZ4 buffers (output: the trace to write; lz4 is for .arrows only). */
    static boolean lz4(String value, java.nio.file.Path output) throws io.ccatrace.trace.TraceFormatException {
        switch (value) {
            case "lz4":
                if (io.ccatrace.trace.TraceFormat.of(output) != io.ccatrace.trace.TraceFormat.ARROW_STREAM) {
                    throw new UserException("--arrow-compression lz4 is for .arrows output, not " + output);
                }
                return true;
            case "none": return false;
            default: throw new UserException("--arrow-compression: must be lz4 or none, got '" + value + "'");
        }
    }
}
