package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * The open block of {@link #ROWS} rows of an Arrow batch, staged in small heap arrays that
 * stay in cache: int64 values, int32 values and list/binary end offsets, int16 name ids (a
 * null cell stores 0, as the zeroed buffers of a fresh batch hold), and per row a presence
 * mask (bit c: column c is not null; bit {@link #INPUT_BIT}: the input flag). Every
 * {@link #ROWS} rows, and before a batch is written, the masks are transposed 64 rows at a
 * time into the columns' validity words and the block goes to the batch buffers with one
 * bulk copy per buffer. The copies overwrite every byte of the rows' slots, so the buffers
 * are never zeroed between batches; writing the batch buffers row by row instead touched
 * ~70 far-apart buffers per row.
 */
final class RowBlock {
    /** Rows per block (a divisor of the batch size, a multiple of 64). */
    static final int ROWS = 512;
    static final int WORDS = ROWS / 64;
    /** Bit of a row's mask that holds the value of the input column. */
    static final int INPUT_BIT = 63;

    private static final Column[] COLUMNS = Column.values();
    private static final int[] SLOT = slots();

    /** int64 columns: value of row r of slot s at [s * ROWS + r]. */
    final long[] longs = new long[count(Column.Type.LONG) * ROWS];
    /** int32 columns, then the end offsets of the list and binary columns. */
    final int[] ints = new int[(count(Column.Type.INT) + count(Column.Type.LONGS) + count(Column.Type.BYTES)) * ROWS];
    /** Dictionary ids of kind and the name columns. */
    final short[] shorts = new short[(count(Column.Type.KIND) + count(Column.Type.NAME)) * ROWS];
    /** Presence mask of each row. */
    final long[] masks = new long[ROWS];
    /** Transposed masks: bit r % 64 of [c * WORDS + r / 64] is bit c of row r's mask. */
    private final long[] bits = new long[64 * WORDS];
    private final long[] square = new long[64];

    private final FieldVector[] vectors;
    private final Object[] targets = new Object[COLUMNS.length];
    private final LongBuffer[] validity = new LongBuffer[COLUMNS.length];
    /** Address and capacity of each column's validity and target buffer when its views were made. */
    private final long[] seen = new long[4 * COLUMNS.length];

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

    /**
     * Views of the batch buffers the block is copied to; call again after a buffer may have
     * been reallocated (a view is made again only for a buffer whose address or capacity
     * changed: making them, 66 per batch, was ~5% of a recording's writer time).
     */
    void views() {
        for (Column c : COLUMNS) {
            int i = c.ordinal();
            FieldVector v = vectors[i];
            ArrowBuf valid = v.getValidityBuffer();
            ArrowBuf data = c.type() == Column.Type.LONGS || c.type() == Column.Type.BYTES ? v.getOffsetBuffer() : v.getDataBuffer();
            if (validity[i] != null && seen[4 * i] == valid.memoryAddress() && seen[4 * i + 1] == valid.capacity()
                    && seen[4 * i + 2] == data.memoryAddress() && seen[4 * i + 3] == data.capacity()) {
                continue;
            }
            seen[4 * i] = valid.memoryAddress();
            seen[4 * i + 1] = valid.capacity();
            seen[4 * i + 2] = data.memoryAddress();
            seen[4 * i + 3] = data.capacity();
            validity[i] = view(valid).asLongBuffer();
            switch (c.type()) {
                case INT:
                case LONGS:
                case BYTES:
                    targets[i] = view(data).asIntBuffer();
                    break;
                case KIND:
                case NAME:
                    targets[i] = view(data).asShortBuffer();
                    break;
                default:
                    targets[i] = view(data).asLongBuffer();
            }
        }
    }

    private static java.nio.ByteBuffer view(ArrowBuf b) {
        return MemoryUtil.directBuffer(b.memoryAddress(), (int) b.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Copies the block's first n rows to rows [start, start + n) of the batch buffers; start
     * is a multiple of {@link #ROWS}.
     */
    void copy(int start, int n) {
        int words = (n + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            int from = 64 * w;
            int m = Math.min(64, n - from);
            System.arraycopy(masks, from, square, 0, m);
            java.util.Arrays.fill(square, m, 64, 0L);
            transpose(square);
            for (int c = 0; c < 64; c++) bits[c * WORDS + w] = square[c];
        }
        for (Column c : COLUMNS) {
            int i = c.ordinal();
            int b = SLOT[i] * ROWS;
            validity[i].put(start >>> 6, bits, i * WORDS, words);
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
                    ((LongBuffer) targets[i]).put(start >>> 6, bits, INPUT_BIT * WORDS, words);
                    break;
                default:
                    ((IntBuffer) targets[i]).put(start + 1, ints, b, n);
            }
        }
    }

    /** Zeroes the staging arrays (for rows that store only their present cells). */
    void clear() {
        java.util.Arrays.fill(longs, 0L);
        java.util.Arrays.fill(ints, 0);
        java.util.Arrays.fill(shorts, (short) 0);
    }

    /**
     * Transposes a 64 x 64 bit matrix in place: afterwards bit r of a[c] is what bit c of
     * a[r] was (swapping ever smaller off-diagonal blocks, 6 rounds of 32 word pairs).
     */
    static void transpose(long[] a) {
        long m = 0x00000000FFFFFFFFL;
        for (int j = 32; j != 0; j >>>= 1, m ^= m << j) {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                long t = ((a[k] >>> j) ^ a[k | j]) & m;
                a[k] ^= t << j;
                a[k | j] ^= t;
            }
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
