package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The text of a reader's one-line "corrupt trace: ..." error: what kind of damage and the
 * library's message, never a Java class name (the bad-input standard: no "Exception" for a
 * user to read) nor an object identity (the same file must give the same line every run).
 */
class DescribeFailureTest {
    @Test
    void indexOutOfBoundsIsALengthOrOffset() {
        assertEquals("a length or offset out of range: Index 120 out of bounds for length 65",
                VerifyingReader.describe(new ArrayIndexOutOfBoundsException("Index 120 out of bounds for length 65")));
    }

    @Test
    void classNamesInsideTheMessageAreDropped() {
        assertEquals("undecodable data: could not read page 3",
                VerifyingReader.describe(new IllegalStateException("org.apache.parquet.io.ParquetDecodingException: could not read page 3")));
        assertEquals("unreadable data: short read", VerifyingReader.describe(new IOException("java.io.IOException: short read")));
    }

    @Test
    void objectIdentitiesAreDropped() {
        assertEquals("unreadable data: Required field 'x' was not found in serialized data!",
                VerifyingReader.describe(new IOException("Required field 'x' was not found in serialized data! "
                        + "Struct: org.apache.parquet.format.PageHeader$PageHeaderStandardScheme@5d32e6eb")));
    }

    @Test
    void noMessageStillSaysWhat() {
        assertEquals("unexpected end of data", VerifyingReader.describe(new EOFException()));
        assertEquals("a length too large to allocate", VerifyingReader.describe(new OutOfMemoryError()));
        assertEquals("undecodable data", VerifyingReader.describe(new NullPointerException()));
    }

    /**
     * Out of memory is not called a corrupt trace: an intact trace read in too small a heap
     * gives it too (-Xmx28m, analyze of 5 M events), so the line names both causes and the way
     * to give the JVM more; every other failure stays "corrupt trace: ...".
     */
    @Test
    void outOfMemoryNamesBothCauses() {
        String m = VerifyingReader.failure(new OutOfMemoryError("Java heap space"));
        assertEquals("out of memory while reading it: a corrupt length too large to allocate, or a maximum heap of "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB too small for this trace (CCATRACE_JAVA_OPTS=-Xmx... gives"
                + " the JVM more)", m);
        assertEquals("corrupt trace: unexpected end of data", VerifyingReader.failure(new EOFException()));
    }
}
