package io.ccatrace.trace.arrow;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Write side of one register-list column (args, out) of the open batch: offsets, validity
 * and int64 elements stored straight into the buffers, one offset per row.
 */
final class ListColumn {
    private final ListVector vector;
    private final BigIntVector items;
    private long offsets;
    private long validity;
    private long values;
    private long itemValidity;
    private int capacity;
    private int end;

    ListColumn(ListVector vector) {
        this.vector = vector;
        this.items = (BigIntVector) vector.getDataVector();
        addresses();
    }

    private void addresses() {
        offsets = vector.getOffsetBuffer().memoryAddress();
        validity = vector.getValidityBuffer().memoryAddress();
        values = items.getDataBufferAddress();
        itemValidity = items.getValidityBufferAddress();
        capacity = items.getValueCapacity();
    }

    /** Row r's list (or null); every row is passed here, in order. */
    void put(int r, long[] a) {
        if (a != null) {
            int n = a.length;
            while (end + n > capacity) {
                items.reAlloc();
                addresses();
            }
            int e = end;
            for (int k = 0; k < n; k++) MemoryUtil.putLong(values + 8L * (e + k), a[k]);
            end = e + n;
            ArrowStreamSink.setBit(validity, r);
        }
        MemoryUtil.putInt(offsets + 4L * (r + 1), end);
    }

    /** Before the batch is written: elements are never null (one bulk fill), and the vector's own bookkeeping. */
    void seal(int rows) {
        MemoryUtil.setMemory(itemValidity, end >>> 3, (byte) 0xFF);
        for (int k = end & ~7; k < end; k++) ArrowStreamSink.setBit(itemValidity, k);
        vector.setLastSet(rows - 1);
    }

    /** After the vector was reset for the next batch. */
    void reset() {
        end = 0;
        addresses();
    }
}
