package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceEvent;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * The open block of {@link #ROWS} rows of an Arrow batch, staged in small heap arrays that
 * stay in cache: int64 values, int32 values and list/binary end offsets, int16 name ids, as
 * the row gives them (null as its sentinel: {@link TraceEvent#NULL}, {@link TraceEvent#NULL_INT},
 * id -1), and validity bit words for the list and binary columns. At the end of the block
 * each numeric and name column's validity bits are derived from its values in one tight
 * loop and its nulls become 0, as the zeroed buffers of a fresh batch hold. Every {@link #ROWS} rows, and before a batch is written, the
 * block goes to the batch buffers with one bulk copy per buffer. The copies overwrite every
 * byte of the rows' slots, so the buffers are never zeroed between batches; writing the
 * batch buffers row by row instead touched ~70 far-apart buffers per row.
 */
final class RowBlock {
    /** Rows per block (a divisor of the batch size, a multiple of 64). */
    static final int ROWS = 512;
    static final int WORDS = ROWS / 64;

    private static final Column[] COLUMNS = Column.values();
    private static final int[] SLOT = slots();

    /** int64 columns: value of row r of slot s at [s * ROWS + r]. */
    final long[] longs = new long[count(Column.Type.LONG) * ROWS];
    /** int32 columns, then the end offsets of the list and binary columns. */
    final int[] ints = new int[(count(Column.Type.INT) + count(Column.Type.LONGS) + count(Column.Type.BYTES)) * ROWS];
    /** Dictionary ids of kind and the name columns. */
    final short[] shorts = new short[(count(Column.Type.KIND) + count(Column.Type.NAME)) * ROWS];
    /** Validity bits of the int64 columns: row r of slot s at bit r % 64 of [s * WORDS + r / 64]. */
    final long[] longsValid = new long[longs.length / 64];
    /** Validity bits of the {@link #ints} columns, likewise. */
    final long[] intsValid = new long[ints.length / 64];
    /** Validity bits of the {@link #shorts} columns, likewise. */
    final long[] shortsValid = new long[shorts.length / 64];
    /** Values of the bool column (input), and its validity. */
    final long[] bools = new long[WORDS];
    private final long[] boolsValid = new long[WORDS];

    private final FieldVector[] vectors;
    private final Object[] targets = new Object[COLUMNS.length];
    private final LongBuffer[] validity = new LongBuffer[COLUMNS.length];

    RowBlock(FieldVector[] vectors) {
        if (!MemoryUtil.LITTLE_ENDIAN) throw new IllegalStateException("Arrow IPC writing needs a little-endian machine");
        this.vectors = vectors;
        views();
    }

    /**
     * Index base of column c in its staging array (its slot times {@link #ROWS}); its
     * validity words start at base / 64 in the matching validity array.
     */
    static int base(Column c) {
        return SLOT[c.ordinal()] * ROWS;
    }

    /** Views of the batch buffers the block is copied to; call again after a buffer was reallocated. */
    void views() {
        for (Column c : COLUMNS) {
            int i = c.ordinal();
            FieldVector v = vectors[i];
            validity[i] = view(v.getValidityBufferAddress(), v.getValidityBuffer().capacity()).asLongBuffer();
            switch (c.type()) {
                case LONG:
                    targets[i] = view(v.getDataBufferAddress(), v.getDataBuffer().capacity()).asLongBuffer();
                    break;
                case INT:
                    targets[i] = view(v.getDataBufferAddress(), v.getDataBuffer().capacity()).asIntBuffer();
                    break;
                case KIND:
                case NAME:
                    targets[i] = view(v.getDataBufferAddress(), v.getDataBuffer().capacity()).asShortBuffer();
                    break;
                case BOOL:
                    targets[i] = view(v.getDataBufferAddress(), v.getDataBuffer().capacity()).asLongBuffer();
                    break;
                default:
                    targets[i] = view(v.getOffsetBuffer().memoryAddress(), v.getOffsetBuffer().capacity()).asIntBuffer();
            }
        }
    }

    private static java.nio.ByteBuffer view(long address, long capacity) {
        return MemoryUtil.directBuffer(address, (int) capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Copies the block's first n rows to rows [start, start + n) of the batch buffers and
     * clears the bit words; start is a multiple of {@link #ROWS}.
     */
    void copy(int start, int n) {
        int words = (n + 63) >>> 6;
        for (Column c : COLUMNS) {
            int i = c.ordinal();
            int b = SLOT[i] * ROWS;
            long[] bits = validityOf(c.type());
            int v = c.type() == Column.Type.BOOL ? 0 : SLOT[i] * WORDS;
            if (!c.nullable()) {
                allSet(bits, v, n);
            } else if (c.type() == Column.Type.LONG) {
                settle(longs, b, bits, v, n);
            } else if (c.type() == Column.Type.INT) {
                settle(ints, b, bits, v, n);
            } else if (c.type() == Column.Type.NAME) {
                settle(shorts, b, bits, v, n);
            }
            validity[i].put(start >>> 6, bits, v, words);
            switch (c.type()) {
                case LONG:
                    ((LongBuffer) targets[i]).put(start, longs, b, n);
                    break;
                case INT:
                    ((IntBuffer) targets[i]).put(start, ints, b, n);
                    break;
                case KIND:
                case NAME:
                    ((ShortBuffer) targets[i]).put(start, shorts, b, n);
                    break;
                case BOOL:
                    ((LongBuffer) targets[i]).put(start >>> 6, bools, 0, words);
                    break;
                default:
                    ((IntBuffer) targets[i]).put(start + 1, ints, b, n);
            }
        }
        Arrays.fill(longsValid, 0L);
        Arrays.fill(intsValid, 0L);
        Arrays.fill(shortsValid, 0L);
        Arrays.fill(bools, 0L);
    }

    private long[] validityOf(Column.Type type) {
        switch (type) {
            case LONG:
                return longsValid;
            case KIND:
            case NAME:
                return shortsValid;
            case BOOL:
                return boolsValid;
            default:
                return intsValid;
        }
    }

    /**
     * The validity bits of the first n staged values of an int64 column from index b on
     * (null is {@link TraceEvent#NULL}), into words from o on; nulls become 0.
     */
    private static void settle(long[] a, int b, long[] bits, int o, int n) {
        for (int w = 0; 64 * w < n; w++) {
            int from = b + 64 * w;
            int end = Math.min(64, n - 64 * w);
            long word = 0;
            for (int j = 0; j < end; j++) {
                long x = a[from + j];
                long d = x ^ TraceEvent.NULL;
                long present = (d | -d) >> 63;
                a[from + j] = x & present;
                word |= (-present) << j;
            }
            bits[o + w] = word;
        }
    }

    /** As above for an int32 column (null is {@link TraceEvent#NULL_INT}). */
    private static void settle(int[] a, int b, long[] bits, int o, int n) {
        for (int w = 0; 64 * w < n; w++) {
            int from = b + 64 * w;
            int end = Math.min(64, n - 64 * w);
            long word = 0;
            for (int j = 0; j < end; j++) {
                int x = a[from + j];
                int d = x ^ TraceEvent.NULL_INT;
                int present = (d | -d) >> 31;
                a[from + j] = x & present;
                word |= ((long) -present) << j;
            }
            bits[o + w] = word;
        }
    }

    /** As above for the ids of a name column (null is -1). */
    private static void settle(short[] a, int b, long[] bits, int o, int n) {
        for (int w = 0; 64 * w < n; w++) {
            int from = b + 64 * w;
            int end = Math.min(64, n - 64 * w);
            long word = 0;
            for (int j = 0; j < end; j++) {
                int x = a[from + j];
                int present = ~(x >> 15);
                a[from + j] = (short) (x & present);
                word |= ((long) -present) << j;
            }
            bits[o + w] = word;
        }
    }

    /** The first n validity bits of a column that is never null, from word o on. */
    private static void allSet(long[] bits, int o, int n) {
        for (int w = 0; w < WORDS; w++) {
            int left = n - 64 * w;
            bits[o + w] = left >= 64 ? -1L : left <= 0 ? 0L : (1L << left) - 1;
        }
    }

    private static int count(Column.Type type) {
        int n = 0;
        for (Column c : COLUMNS) {
            if (c.type() == type) n++;
        }
        return n;
    }

    /** Slot of each column in its staging array: its rank among the columns stored there. */
    private static int[] slots() {
        int[] slot = new int[COLUMNS.length];
        int longs = 0;
        int ints = 0;
        int shorts = 0;
        for (Column.Type t : new Column.Type[] {Column.Type.INT, Column.Type.LONGS, Column.Type.BYTES}) {
            for (Column c : COLUMNS) {
                if (c.type() == t) slot[c.ordinal()] = ints++;
            }
        }
        for (Column c : COLUMNS) {
            if (c.type() == Column.Type.LONG) slot[c.ordinal()] = longs++;
            if (c.type() == Column.Type.KIND || c.type() == Column.Type.NAME) slot[c.ordinal()] = shorts++;
        }
        return slot;
    }
}
