package io.ccatrace.trace.arrow;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The bytes of one binary column (payload, chain) of the open batch, appended straight into
 * the vector's data buffer; the row offsets and validity are staged by {@link RowBlock}.
 */
final class BinaryColumn {
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

    /** Appends a row's bytes; returns the end offset after them. */
    int append(byte[] b) {
        while (end + b.length > capacity) {
            vector.reallocDataBuffer();
            address();
        }
        MemoryUtil.copyToMemory(b, 0, data + end, b.length);
        end += b.length;
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

    /** After the batch was written. */
    void reset() {
        end = 0;
    }
}
