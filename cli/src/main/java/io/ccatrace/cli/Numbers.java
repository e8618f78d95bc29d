package io.ccatrace.cli;

import picocli.CommandLine;

/** Option values that are addresses or register values: "0x8800_0000" hex or decimal. */
final class Numbers implements CommandLine.ITypeConverter<Long> {
    /**
     * An event count given through this converter, checked to be 1 or more: a value of 2^63 or
     * more wraps to a negative long, so the line gives it back unsigned, as typed.
     */
    static long positiveCount(String option, long value) {
        if (value <= 0) throw new UserException(option + " must be 1 to 2^63 - 1 events, got " + Long.toUnsignedString(value));
        return value;
    }

    @Override
    public Long convert(String value) {
        String s = value.replace("_", "").trim();
        if (s.startsWith("-")) {
            // a seq, an address or a register value is unsigned: "-1" is a mistake, not 2^64 - 1
            throw new CommandLine.TypeConversionException("'" + value + "' is negative (seqs, addresses and register"
                    + " values are 0 or more: hex 0x... or decimal)");
        }
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s.substring(2), 16);
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (hex 0x... or decimal)");
        }
    }
}
