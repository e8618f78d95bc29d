package io.ccatrace.trace.arrow;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Write side of one binary column (payload, chain) of the open batch: offsets, validity bits
 * and bytes stored straight into the vector's buffers, one offset per row, no hole filling.
 */
final class BinaryColumn {
    private final VarBinaryVector vector;
    private long offsets;
    private long validity;
    private long data;
    private long capacity;
    private int end;

    BinaryColumn(VarBinaryVector vector) {
        this.vector = vector;
        addresses();
    }

    private void addresses() {
        offsets = vector.getOffsetBufferAddress();
        validity = vector.getValidityBufferAddress();
        data = vector.getDataBufferAddress();
        capacity = vector.getDataBuffer().capacity();
    }

    /** Row r without a value (yet): its end offset. Every row is passed here, in order. */
    void none(int r) {
        MemoryUtil.putInt(offsets + 4L * (r + 1), end);
    }

    /** Row r's value: r is the last row passed to {@link #none} or set. */
    void set(int r, byte[] b) {
        while (end + b.length > capacity) {
            vector.reallocDataBuffer();
            addresses();
        }
        MemoryUtil.copyToMemory(b, 0, data + end, b.length);
        end += b.length;
        MemoryUtil.putInt(offsets + 4L * (r + 1), end);
        ArrowStreamSink.setBit(validity, r);
    }

    /** Before the batch is written: the vector's own bookkeeping for rows rows. */
    void seal(int rows) {
        vector.setLastSet(rows - 1);
    }

    /** After the vector was reset for the next batch. */
    void reset() {
        end = 0;
        addresses();
    }
}
