package io.ccatrace.trace.arrow;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The bytes of one binary column (payload, chain) of the open batch, appended straight into
 * the vector's data buffer; the row offsets and validity are staged by {@link RowBlock}.
 */
final class BinaryColumn {
    /** Longest value stored word by word rather than by one bulk copy. */
    private static final int SHORT = 256;

    private final VarBinaryVector vector;
    private long data;
    private long capacity;
    private int end;

    BinaryColumn(VarBinaryVector vector) {
        this.vector = vector;
        address();
    }

    private void address() {
        data = vector.getDataBufferAddress();
        capacity = vector.getDataBuffer().capacity();
    }

    /**
     * Appends a row's bytes; returns the end offset after them. Short values (most payloads
     * are a few words) are stored 8 bytes at a time: the bulk copy's fixed cost was larger.
     */
    int append(byte[] b) {
        int n = b.length;
        while (end + n > capacity) {
            vector.reallocDataBuffer();
            address();
        }
        long d = data + end;
        if (n > SHORT) {
            MemoryUtil.copyToMemory(b, 0, d, n);
        } else {
            int i = 0;
            for (; i + 8 <= n; i += 8) MemoryUtil.putLong(d + i, MemoryUtil.getLong(b, i));
            for (; i < n; i++) MemoryUtil.putByte(d + i, b[i]);
        }
        end += n;
        return end;
    }

    /** The end offset of the rows so far. */
    int end() {
        return end;
    }

    /** Before the batch is written: the vector's own bookkeeping for rows rows. */
    void seal(int rows) {
        vector.setLastSet(rows - 1);
    }

    /** Takes back the elements after end (of a row that was not completed). */
    void truncate(int end) {
        this.end = end;
    }

    /** After the batch was written. */
    void reset() {
        end = 0;
    }
}
