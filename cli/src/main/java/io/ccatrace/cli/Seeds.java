package io.ccatrace.cli;

import picocli.CommandLine;

/**
 * A seed on the command line: any 64-bit value, as a signed decimal ("-1", as the trace's
 * scenario options write it) or as {@link Numbers} takes it (hex "0x...", as the trace's
 * machine metadata writes it, or unsigned decimal). "0xc" and "12" are the same seed.
 */
final class Seeds implements CommandLine.ITypeConverter<Long> {
    private final Numbers unsigned = new Numbers();

    @Override
    public Long convert(String value) {
        String s = value.replace("_", "").trim();
        if (!s.startsWith("-")) return unsigned.convert(value);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a seed (a 64-bit number: decimal, or hex 0x...)");
        }
    }
}
