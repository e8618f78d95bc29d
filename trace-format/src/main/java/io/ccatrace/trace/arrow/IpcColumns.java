package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFormatException;
import java.nio.ByteBuffer;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.CompressionType;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * Where each column's buffers are in a record batch of our schema (field nodes and buffers
 * in schema order: fixed-width, bool and dictionary-index columns have validity + data, lists
 * validity + offsets + the items' validity + data, binary validity + offsets + data), and
 * the bulk decoding of those buffers into {@link EventBatch} arrays, with every offset and
 * length checked against the body first.
 */
final class IpcColumns {
    private static final Column[] COLUMNS = Column.values();
    private static final int N = COLUMNS.length;
    /** Rows a compressed batch may have: ccatrace writes 8,192; others' writers rarely more than 65,536. */
    static final long MAX_COMPRESSED_ROWS = 1 << 20;

    private final String file;
    private final Column[] projected;
    private EventBatch batch;
    /** Each column's first field node and first buffer in a record batch, and its buffer count (the schema's layout). */
    private static final int[] FIRST_NODE = new int[N];
    private static final int[] FIRST_BUFFER = new int[N];
    private static final int[] BUFFER_COUNT = new int[N];
    /** Field nodes and buffers of a record batch. */
    private static final int NODES;
    private static final int BUFFERS;

    static {
        int nd = 0;
        int bf = 0;
        for (Column c : COLUMNS) {
            FIRST_NODE[c.ordinal()] = nd;
            FIRST_BUFFER[c.ordinal()] = bf;
            BUFFER_COUNT[c.ordinal()] = c.type() == Column.Type.LONGS ? 4 : c.type() == Column.Type.BYTES ? 3 : 2;
            nd += c.type() == Column.Type.LONGS ? 2 : 1;
            bf += BUFFER_COUNT[c.ordinal()];
        }
        NODES = nd;
        BUFFERS = bf;
    }

    private final IpcDictionaries dicts;
    private final Buffer buf = new Buffer();
    private final FieldNode node = new FieldNode();
    /** Each buffer's offset and length in the body (or, once decompressed, in {@link #plain}). */
    private final long[] offsets;
    private final long[] lengths;
    private boolean compressed;
    /** The projected columns' buffers of a compressed batch, decompressed (reused). */
    private ByteBuffer plain = ByteBuffer.allocateDirect(0);
    private int[] ints = new int[0];
    private short[] shorts = new short[0];
    private byte[] valid = new byte[0];
    private long[] scratch = new long[0];
    /** Optional LONG, INT and NAME columns handed over sparsely ({@link EventBatch#isSparse}). */
    private final boolean[] sparse = new boolean[N];

    IpcColumns(String file, Column[] projected) {
        this.file = file;
        this.projected = projected;
        this.dicts = new IpcDictionaries(file);
        offsets = new long[BUFFERS];
        lengths = new long[BUFFERS];
    }

    /**
     * Hands the optional LONG, INT and NAME columns of {@code which} over sparsely from the
     * next batch on: the validity bitmap as the presence bitmap and the present rows' values,
     * without a null-filled cell per row.
     */
    void sparse(java.util.Set<Column> which) {
        for (Column c : which) {
            Column.Type t = c.type();
            sparse[c.ordinal()] = c.nullable() && (t == Column.Type.LONG || t == Column.Type.INT || t == Column.Type.NAME);
        }
    }

    /** Index of column c's first buffer (its validity) among a record batch's buffers. */
    static int firstBuffer(Column c) {
        return FIRST_BUFFER[c.ordinal()];
    }

    /**
     * Decompresses the projected columns' buffers of the checked batch from body into
     * {@link #plain} (each at an 8-aligned place) and points the buffer table there.
     */
    private ByteBuffer decompress(ByteBuffer body) throws TraceFormatException {
        ByteBuffer src = body.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long total = 0;
        for (Column c : projected) {
            for (int k = 0; k < BUFFER_COUNT[c.ordinal()]; k++) {
                total += Lz4Buffers.size(file, src, offsets[FIRST_BUFFER[c.ordinal()] + k], lengths[FIRST_BUFFER[c.ordinal()] + k]) + 8;
            }
        }
        if (total > Integer.MAX_VALUE - 16) throw corrupt("decompressed batch of " + total + " bytes");
        if (plain.capacity() < total) plain = ByteBuffer.allocateDirect((int) Math.max(total, plain.capacity() * 5L / 4));
        ByteBuffer dst = plain.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (Column c : projected) {
            for (int k = 0; k < BUFFER_COUNT[c.ordinal()]; k++) {
                int i = FIRST_BUFFER[c.ordinal()] + k;
                int size = Lz4Buffers.unpack(file, src, offsets[i], lengths[i], dst, at);
                offsets[i] = at;
                lengths[i] = size;
                at += (size + 7) & ~7;
            }
        }
        return plain;
    }

    private TraceFormatException corrupt(String what) {
        return new TraceFormatException(file + ": corrupt Arrow record batch: " + what);
    }

    /**
     * Checks the batch's layout and that every buffer lies inside its body, and notes where
     * each buffer is (a compressed batch's buffers move to their decompressed copies in decode).
     */
    void check(RecordBatch rb, long bodyLength) throws TraceFormatException {
        compressed = rb.compression() != null;
        if (compressed && (rb.compression().codec() != CompressionType.LZ4_FRAME || rb.compression().method() != BodyCompressionMethod.BUFFER)) {
            throw new TraceFormatException(file + ": Arrow record batch compressed with codec " + rb.compression().codec()
                    + ", method " + rb.compression().method() + "; ccatrace reads LZ4_FRAME buffers");
        }
        if (rb.nodesLength() != NODES || rb.buffersLength() != BUFFERS) {
            throw corrupt(rb.nodesLength() + " field nodes and " + rb.buffersLength() + " buffers, expected " + NODES + " and " + BUFFERS);
        }
        long n = rb.length();
        if (n < 0 || (!compressed && n * 8 > bodyLength) || n > Integer.MAX_VALUE / 8) {
            throw corrupt(n + " rows in a body of " + bodyLength + " bytes");
        }
        if (compressed && n > MAX_COMPRESSED_ROWS) { // its size does not bound it: refused before anything is allocated
            throw corrupt(n + " rows in a compressed batch (at most " + MAX_COMPRESSED_ROWS + ")");
        }
        for (int i = 0; i < BUFFERS; i++) {
            rb.buffers(buf, i);
            if (buf.offset() < 0 || buf.length() < 0 || buf.offset() + buf.length() > bodyLength) {
                throw corrupt("buffer " + i + " lies outside the body");
            }
            offsets[i] = buf.offset();
            lengths[i] = buf.length();
        }
    }

    /** Whether the last checked batch has compressed buffers. */
    boolean compressed() {
        return compressed;
    }

    /** The body range [start, end) holding a column's buffers. */
    long[] span(RecordBatch rb, Column c) {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (int k = 0; k < BUFFER_COUNT[c.ordinal()]; k++) {
            rb.buffers(buf, FIRST_BUFFER[c.ordinal()] + k);
            if (buf.length() == 0) continue;
            start = Math.min(start, buf.offset());
            end = Math.max(end, buf.offset() + buf.length());
        }
        return start == Long.MAX_VALUE ? new long[] {0, 0} : new long[] {start, end};
    }

    /** Body offset of the seq column's values. */
    long seqOffset(RecordBatch rb) throws TraceFormatException {
        long[] d = buffer(rb, Column.SEQ, 1, rb.length() * 8);
        return d[0];
    }

    /** Offset and length of buffer k of column c, checked to hold at least `need` bytes. */
    private long[] buffer(RecordBatch rb, Column c, int k, long need) throws TraceFormatException {
        int i = FIRST_BUFFER[c.ordinal()] + k;
        if (lengths[i] < need) throw corrupt(c.columnName() + " buffer " + k + " holds " + lengths[i] + " bytes, needs " + need);
        return new long[] {offsets[i], lengths[i]};
    }

    /** Decodes every projected column of a record batch whose buffers are in body at their offsets. */
    void decode(RecordBatch rb, ByteBuffer body, EventBatch into) throws TraceFormatException {
        batch = into;
        int n = (int) rb.length();
        if (compressed) body = decompress(body);
        batch.reset(n);
        for (Column c : projected) {
            rb.nodes(node, FIRST_NODE[c.ordinal()]);
            if (node.length() != n) throw corrupt(c.columnName() + " has " + node.length() + " rows, the batch " + n);
            long nullCount = node.nullCount();
            if (nullCount > 0 && !c.nullable()) throw corrupt(c.columnName() + " has nulls");
            if (nullCount == n && n > 0) {
                if (sparse[c.ordinal()]) noneSparse(c, n); else allNull(c, n);
                continue;
            }
            long validity = nullCount > 0 ? buffer(rb, c, 0, (n + 7) / 8)[0] : -1;
            if (validity >= 0 && sparse[c.ordinal()]) {
                int width = c.type() == Column.Type.LONG ? 8 : c.type() == Column.Type.INT ? 4 : 2;
                sparseCells(c, body, buffer(rb, c, 1, (long) width * n)[0], validity, n);
                continue;
            }
            switch (c.type()) {
                case LONG:
                    if (nullCount == n) {
                        Arrays.fill(batch.fillLongs(c), 0, n, TraceEvent.NULL);
                        break;
                    }
                    longs(body, buffer(rb, c, 1, 8L * n)[0], n, batch.fillLongs(c));
                    if (validity >= 0) ValidityBits.nullLongs(validity(body, validity, n), n, batch.fillLongs(c));
                    break;
                case INT:
                    if (nullCount == n) {
                        Arrays.fill(batch.fillLongs(c), 0, n, TraceEvent.NULL);
                        break;
                    }
                    intsTo(body, buffer(rb, c, 1, 4L * n)[0], n, batch.fillLongs(c));
                    if (validity >= 0) ValidityBits.nullLongs(validity(body, validity, n), n, batch.fillLongs(c));
                    break;
                case BOOL:
                    ValidityBits.bits(validity(body, buffer(rb, c, 1, (n + 7) / 8)[0], n), n, batch.fillBools(c));
                    break;
                case KIND:
                case NAME:
                    names(c, body, buffer(rb, c, 1, 2L * n)[0], validity, n);
                    break;
                case LONGS:
                    lists(rb, c, body, validity, n);
                    break;
                default:
                    bytes(rb, c, body, validity, n);
            }
        }
    }

    /** A sparse column without a value in the batch: an empty presence bitmap. */
    private void noneSparse(Column c, int n) {
        EventBatch.ranks(batch.fillPresent(c), (n + 63) >>> 6, batch.fillRanks(c));
        if (c.type() == Column.Type.NAME) {
            batch.setNames(c, dicts.names(c));
            batch.fillSparseIds(c);
        } else {
            batch.fillSparseLongs(c);
        }
    }

    /**
     * A sparse column with nulls: its validity bitmap becomes the presence bitmap (64 rows a
     * word, ranks beside), and the present rows' values are gathered in row order (a name's
     * index through its dictionary, checked; a null row's slot is never read).
     */
    private void sparseCells(Column c, ByteBuffer body, long offset, long validity, int n) throws TraceFormatException {
        long[] bits = batch.fillPresent(c);
        int words = (n + 63) >>> 6;
        ValidityBits.presence(validity(body, validity, n), n, bits);
        if (c.type() == Column.Type.NAME) {
            sparseNames(c, body, offset, bits, words, n);
        } else {
            if (scratch.length < n) scratch = new long[n];
            long[] all = scratch;
            if (c.type() == Column.Type.LONG) longs(body, offset, n, all); else intsTo(body, offset, n, all);
            ValidityBits.gather(bits, words, all, batch.fillSparseLongs(c));
        }
        EventBatch.ranks(bits, words, batch.fillRanks(c));
    }

    /** The present rows' name ids; a row whose index names a null dictionary entry reads as null (its bit cleared). */
    private void sparseNames(Column c, ByteBuffer body, long offset, long[] bits, int words, int n) throws TraceFormatException {
        int[] map = indices(c, body, offset, n);
        int[] out = batch.fillSparseIds(c);
        int k = 0;
        for (int w = 0; w < words; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) {
                int r = (w << 6) | Long.numberOfTrailingZeros(b);
                int id = map[checked(c, shorts[r], map.length)];
                if (id < 0) bits[w] &= ~(1L << r);
                else out[k++] = id;
            }
        }
    }

    /** A column null in every row of the batch (its buffers may be empty). */
    private void allNull(Column c, int n) {
        switch (c.type()) {
            case LONG:
            case INT:
                Arrays.fill(batch.fillLongs(c), 0, n, TraceEvent.NULL);
                break;
            case NAME:
                Arrays.fill(batch.fillIds(c), 0, n, -1);
                batch.setNames(c, dicts.names(c));
                break;
            default:
                Arrays.fill(batch.fillNulls(c), 0, n, true);
                Arrays.fill(batch.fillOffsets(c), 0, n + 1, 0);
        }
    }

    private static ByteBuffer at(ByteBuffer body, long offset, long length) {
        return body.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void longs(ByteBuffer body, long offset, int n, long[] out) {
        at(body, offset, 8L * n).asLongBuffer().get(out, 0, n);
    }

    private void intsTo(ByteBuffer body, long offset, int n, long[] out) {
        if (ints.length < n) ints = new int[n];
        at(body, offset, 4L * n).asIntBuffer().get(ints, 0, n);
        for (int i = 0; i < n; i++) out[i] = ints[i];
    }

    /** The validity bitmap at offset as a byte array (reused), or null when there are no nulls. */
    private byte[] validity(ByteBuffer body, long offset, int n) {
        if (offset < 0) return null;
        int len = (n + 7) >>> 3;
        if (valid.length < len) valid = new byte[len];
        body.get((int) offset, valid, 0, len);
        return valid;
    }

    private void nullFlags(ByteBuffer body, long validity, int n, boolean[] out) {
        if (validity < 0) {
            Arrays.fill(out, 0, n, false);
            return;
        }
        byte[] v = validity(body, validity, n);
        for (int i = 0; i < n; i++) out[i] = (v[i >>> 3] & (1 << (i & 7))) == 0;
    }

    private void names(Column c, ByteBuffer body, long offset, long validity, int n) throws TraceFormatException {
        int[] out = batch.fillIds(c);
        int[] map = indices(c, body, offset, n);
        byte[] v = validity(body, validity, n);
        int size = map.length;
        short[] sh = shorts;
        if (v == null || size == 0) {
            for (int i = 0; i < n; i++) {
                if (v != null && (v[i >>> 3] & (1 << (i & 7))) == 0) {
                    out[i] = -1;
                    continue;
                }
                out[i] = map[checked(c, sh[i], size)];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            // without a branch on the row's validity (nulls follow the event kinds: a branch
            // mispredicts); a null row's index slot may hold anything, so it reads map[0]
            int valid = (v[i >>> 3] >>> (i & 7)) & 1;
            int id = sh[i];
            if ((id < 0 || id >= size) && valid != 0) checked(c, id, size);
            out[i] = (map[id & -valid] & -valid) | (valid - 1);
        }
    }

    /**
     * Reads the n dictionary indices of kind or name column c at offset into {@link #shorts}
     * (a name column's batch gets its names) and returns the column's index -> id map.
     */
    private int[] indices(Column c, ByteBuffer body, long offset, int n) throws TraceFormatException {
        if (c.type() == Column.Type.NAME) batch.setNames(c, dicts.names(c));
        if (shorts.length < n) shorts = new short[n];
        at(body, offset, 2L * n).asShortBuffer().get(shorts, 0, n);
        int[] map = dicts.ids(c);
        if (map == null) throw new TraceFormatException(file + ": name dictionary missing or not utf8");
        return map;
    }

    /** A dictionary index of column c, refused when it lies outside the dictionary's size names. */
    private int checked(Column c, int id, int size) throws TraceFormatException {
        if (id < 0 || id >= size) {
            throw new TraceFormatException(file + ": " + c.columnName() + " index " + id + " outside its dictionary");
        }
        return id;
    }

    /** Copies n + 1 offsets rebased to 0 and checks they never decrease; returns the first. */
    private int offsets(Column c, ByteBuffer body, long offset, int n, int[] off) throws TraceFormatException {
        at(body, offset, 4L * (n + 1)).asIntBuffer().get(off, 0, n + 1);
        int base = off[0];
        if (base < 0) throw corrupt(c.columnName() + " offsets start at " + base);
        int prev = 0;
        for (int i = 0; i <= n; i++) {
            int o = off[i] - base;
            if (o < prev) throw corrupt(c.columnName() + " offsets decrease at row " + i);
            off[i] = o;
            prev = o;
        }
        return base;
    }

    private void lists(RecordBatch rb, Column c, ByteBuffer body, long validity, int n) throws TraceFormatException {
        int[] off = batch.fillOffsets(c);
        int base = offsets(c, body, buffer(rb, c, 1, 4L * (n + 1))[0], n, off);
        nullFlags(body, validity, n, batch.fillNulls(c));
        int count = off[n];
        long[] items = buffer(rb, c, 3, 8L * (base + (long) count));
        long[] out = batch.fillListValues(c, count);
        at(body, items[0] + 8L * base, 8L * count).asLongBuffer().get(out, 0, count);
    }

    private void bytes(RecordBatch rb, Column c, ByteBuffer body, long validity, int n) throws TraceFormatException {
        int[] off = batch.fillOffsets(c);
        int base = offsets(c, body, buffer(rb, c, 1, 4L * (n + 1))[0], n, off);
        nullFlags(body, validity, n, batch.fillNulls(c));
        int count = off[n];
        long[] data = buffer(rb, c, 2, base + (long) count);
        byte[] out = batch.fillBytes(c, count);
        body.get((int) (data[0] + base), out, 0, count);
    }

    /** Installs a dictionary batch (its whole body in b) for its name column. */
    void dictionary(DictionaryBatch d, ByteBuffer b) throws TraceFormatException {
        dicts.install(d, b);
    }
}
