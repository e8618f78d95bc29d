package io.ccatrace.trace.arrow;

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
    /** Address and capacity (elements) of the element buffer. */
    private long values;
    private int capacity;
    private int end;

    ListColumn(ListVector vector) {
        this.vector = vector;
        this.items = (BigIntVector) vector.getDataVector();
        view();
    }

    private void view() {
        values = items.getDataBufferAddress();
        capacity = (int) (items.getDataBuffer().capacity() >>> 3);
    }

    /**
     * Appends a row's elements; returns the end offset after them. A register list is a few
     * words: stored one by one (a bulk put's fixed cost was most of a row's list time).
     */
    int append(long[] a) {
        int n = a.length;
        while (end + n > capacity) {
            items.reAlloc();
            view();
        }
        long d = values + 8L * end;
        for (int i = 0; i < n; i++) MemoryUtil.putLong(d + 8L * i, a[i]);
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

    /** Takes back the elements after end (of a row that was not completed). */
    void truncate(int end) {
        this.end = end;
    }

    /** After the batch was written. */
    void reset() {
        end = 0;
    }
}
