package io.ccatrace.trace.arrow;

import java.nio.ByteOrder;
import java.nio.LongBuffer;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The elements of one register-list column (args, out) of the open batch, appended straight
 * into the int64 element buffer; the row offsets and validity are staged by {@link RowBlock}.
 */
final class ListColumn {
    private final ListVector vector;
    private final BigIntVector items;
    private LongBuffer values;
    private int end;

    ListColumn(ListVector vector) {
        this.vector = vector;
        this.items = (BigIntVector) vector.getDataVector();
        view();
    }

    private void view() {
        values = MemoryUtil.directBuffer(items.getDataBufferAddress(), (int) items.getDataBuffer().capacity())
                .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }

    /** Appends a row's elements; returns the end offset after them. */
    int append(long[] a) {
        int n = a.length;
        while (end + n > values.capacity()) {
            items.reAlloc();
            view();
        }
        values.put(end, a, 0, n);
        end += n;
        return end;
    }

    /** The end offset of the rows so far. */
    int end() {
        return end;
    }

    /** Before the batch is written: elements are never null (one bulk fill), and the vector's own bookkeeping. */
    void seal(int rows) {
        long itemValidity = items.getValidityBufferAddress();
        MemoryUtil.setMemory(itemValidity, end >>> 3, (byte) 0xFF);
        if ((end & 7) != 0) MemoryUtil.putByte(itemValidity + (end >>> 3), (byte) ((1 << (end & 7)) - 1));
        vector.setLastSet(rows - 1);
    }

    /** After the batch was written. */
    void reset() {
        end = 0;
    }
}
