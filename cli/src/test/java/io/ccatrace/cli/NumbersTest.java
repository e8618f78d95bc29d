package io.ccatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Addresses, seqs and register values on the command line: hex or decimal, unsigned 64-bit. */
class NumbersTest {
    private final Numbers n = new Numbers();

    @Test
    void hexDecimalAndSeparators() {
        assertEquals(0x8800_0000L, n.convert("0x8800_0000"));
        assertEquals(0x8800_0000L, n.convert("0X88000000"));
        assertEquals(500_000L, n.convert("500_000"));
        assertEquals(-1L, n.convert("0xffffffffffffffff"));   // the top of the unsigned range, as its bits
        assertEquals(-1L, n.convert("18446744073709551615"));
    }

    @Test
    void aNegativeValueSaysSo() {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class, () -> n.convert("-1"));
        assertEquals("'-1' is negative (seqs, addresses and register values are 0 or more: hex 0x... or decimal)", e.getMessage());
    }

    @Test
    void garbageIsNotANumber() {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class, () -> n.convert("zz"));
        assertEquals("'zz' is not a number (hex 0x... or decimal)", e.getMessage());
        assertThrows(CommandLine.TypeConversionException.class, () -> n.convert("0x1_0000_0000_0000_0000"));   // 65 bits
    }
}
