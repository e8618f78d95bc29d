package io.ccatrace.cli;

import picocli.CommandLine;

/** Option values that are addresses or register values: "0x8800_0000" hex or decimal. */
final class Numbers implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String s = value.replace("_", "").trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s.substring(2), 16);
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (hex 0x... or decimal)");
        }
    }
}
