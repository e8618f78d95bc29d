package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.NameTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The non-null values of one data page of one column, decoded in bulk: PLAIN, dictionary
 * ids (RLE / bit-packed) and DELTA_BINARY_PACKED numbers by our own loops, any other
 * encoding (DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, RLE booleans, ...) through parquet-java's own
 * ValuesReader for that encoding, value by value. Numbers go to {@link #longs}, names to
 * {@link #ids} (the reader's name ids, or the kind ordinal), booleans to {@link #bools},
 * bytes to {@link #data} at {@link #starts}/{@link #lens}; a dictionary-encoded bytes page
 * copies nothing: its values are dictionary ids in {@link #ids}
 * ({@link #fromDictionary}), each an entry of {@link #dictData} at
 * {@link #dictStart}/{@link #dictLen}.
 */
final class PageValues {
    private final ColumnDescriptor desc;
    private final Column column;
    private final PrimitiveTypeName type;
    private final NameTable names;
    private long[] dictLongs;
    private int[] dictIds;
    /** A bytes column's dictionary entries, one after the other (a new array per chunk: batches share it). */
    byte[] dictData;
    int[] dictStart;
    int[] dictLen;
    /** Whether the page's bytes values are dictionary ids (in {@link #ids}). */
    boolean fromDictionary;

    /**
     * Values decoded ahead of their use when a page's ids are decoded a stretch at a time
     * ({@link #ready}): at least this many, so a column's many small batches share a refill.
     */
    static final int STRETCH = 4096;

    long[] longs = new long[0];
    int[] ids = new int[0];
    /**
     * The page's value index held at longs[0] / ids[0]: 0 unless the page's dictionary ids are
     * decoded a stretch at a time ({@link #ready}), which keeps only the stretch in the arrays.
     */
    int base;
    /** Whether this page's ids are decoded a stretch at a time ({@link #runs}). */
    private boolean stretches;
    private final HybridRuns runs = new HybridRuns();
    /** A page decoded a stretch at a time: the page's values decoded so far. */
    private int decoded;
    boolean[] bools = new boolean[0];
    byte[] data;
    int[] starts = new int[0];
    int[] lens = new int[0];
    private int[] scratch = new int[0];

    PageValues(ColumnDescriptor desc, Column column, NameTable names) {
        this.desc = desc;
        this.column = column;
        this.type = desc.getPrimitiveType().getPrimitiveTypeName();
        this.names = names;
    }

    /** Uses o's dictionary (its arrays are not changed once installed, so both may read them). */
    void sameDictionary(PageValues o) {
        dictLongs = o.dictLongs;
        dictIds = o.dictIds;
        dictData = o.dictData;
        dictStart = o.dictStart;
        dictLen = o.dictLen;
    }

    /** Installs the column chunk's dictionary (or none). */
    void dictionary(DictionaryPage page) throws IOException {
        dictLongs = null;
        dictIds = null;
        dictData = null;
        if (page == null) return;
        Dictionary d = page.getEncoding().initDictionary(desc, page);
        int size = d.getMaxId() + 1;
        switch (type) {
            case INT64:
                dictLongs = new long[size];
                for (int i = 0; i < size; i++) dictLongs[i] = d.decodeToLong(i);
                break;
            case INT32:
                dictLongs = new long[size];
                for (int i = 0; i < size; i++) dictLongs[i] = d.decodeToInt(i);
                break;
            case BINARY:
                if (isName()) {
                    dictIds = new int[size];
                    for (int i = 0; i < size; i++) dictIds[i] = nameId(d.decodeToBinary(i).getBytes(), 0, -1);
                } else {
                    bytesDictionary(d, size);
                }
                break;
            default:
                throw new ParquetDecodingException("dictionary for a " + type + " column");
        }
    }

    private void bytesDictionary(Dictionary d, int size) {
        byte[][] vs = new byte[size][];
        long total = 0;
        for (int i = 0; i < size; i++) {
            vs[i] = d.decodeToBinary(i).getBytes();
            total += vs[i].length;
        }
        if (total > Integer.MAX_VALUE - 16) throw new ParquetDecodingException("dictionary of " + total + " bytes");
        dictStart = new int[size];
        dictLen = new int[size];
        dictData = join(vs, size, (int) total, dictStart, dictLen);
    }

    /** The first n values one after the other (total bytes), each one's start and length noted. */
    private static byte[] join(byte[][] vs, int n, int total, int[] starts, int[] lens) {
        byte[] all = new byte[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(vs[i], 0, all, at, vs[i].length);
            starts[i] = at;
            lens[i] = vs[i].length;
            at += vs[i].length;
        }
        return all;
    }

    private boolean isName() {
        return column.type() == Column.Type.NAME || column.type() == Column.Type.KIND;
    }

    private int nameId(byte[] b, int at, int len) {
        String s = len < 0 ? new String(b, StandardCharsets.UTF_8) : new String(b, at, len, StandardCharsets.UTF_8);
        if (column == Column.KIND) {
            try {
                return EventKind.valueOf(s).ordinal();
            } catch (IllegalArgumentException e) {
                throw new ParquetDecodingException("unknown kind \"" + s + "\"");
            }
        }
        return names.id(s);
    }

    /** Decodes n values of the given encoding from buf[pos..end). */
    void decode(Encoding enc, byte[] buf, int pos, int end, int n) throws IOException {
        fromDictionary = false;
        stretches = false;
        base = 0;
        if (enc == Encoding.PLAIN_DICTIONARY || enc == Encoding.RLE_DICTIONARY) {
            dictionaryIds(buf, pos, end, n);
            return;
        }
        grow(n);
        if (enc == Encoding.PLAIN) {
            plain(buf, pos, end, n);
        } else if (enc == Encoding.DELTA_BINARY_PACKED && (type == PrimitiveTypeName.INT64 || type == PrimitiveTypeName.INT32)) {
            DeltaPacked.decode(buf, pos, end, longs, n, type == PrimitiveTypeName.INT32);
        } else {
            generic(enc, buf, pos, end, n);
        }
    }

    private void grow(int n) {
        switch (type) {
            case INT64:
            case INT32:
                if (longs.length < n) longs = new long[n];
                break;
            case BOOLEAN:
                if (bools.length < n) bools = new boolean[n];
                break;
            default:
                if (isName()) {
                    if (ids.length < n) ids = new int[n];
                } else if (starts.length < n) {
                    starts = new int[n];
                    lens = new int[n];
                }
        }
    }

    private void dictionaryIds(byte[] buf, int pos, int end, int n) {
        if (dictLongs == null && dictIds == null && dictData == null) {
            throw new ParquetDecodingException("dictionary-encoded page without a dictionary");
        }
        if (pos >= end) {
            if (n == 0) return;
            throw new ParquetDecodingException("dictionary page data missing");
        }
        int width = buf[pos] & 0xFF;
        if (dictLongs != null || dictIds != null) {
            // numbers and names: decoded as the rows need them (ready)
            runs.start(buf, pos + 1, end, width, n);
            stretches = true;
            decoded = 0;
            return;
        }
        grow(n);
        // bytes: the ids are decoded into ids itself (one page-sized array, not two)
        if (ids.length < n) ids = new int[n];
        int[] k = ids;
        RleHybrid.decode(buf, pos + 1, end, width, k, n);
        int size = dictLen.length;
        int bad = 0;
        for (int i = 0; i < n; i++) bad |= size - 1 - k[i];
        if (bad < 0) throw new ParquetDecodingException("dictionary id past the dictionary of " + size);
        fromDictionary = true;
    }

    /**
     * Makes the page's values [from, to) available (to is capped at the page's values) and
     * returns {@link #base}: value v is then longs[v - base] (ids[v - base] for names). from
     * must not be below a from given before for this page (values are used in order). A page
     * decoded at once has them all already (base 0); one decoded a stretch at a time keeps the
     * values from from on and decodes at least {@link #STRETCH} more when it runs short.
     */
    int ready(int from, int to) {
        if (!stretches || to <= decoded) return base;
        int want = Math.min(decoded + runs.remaining(), Math.max(to, decoded + STRETCH));
        int kept = decoded - from;
        int room = want - from;
        boolean numbers = dictLongs != null;
        if (numbers) {
            longs = shift(longs, from - base, kept, room);
        } else {
            int[] a = ids.length < room ? new int[Math.max(room, 2 * STRETCH)] : ids;
            System.arraycopy(ids, from - base, a, 0, kept);
            ids = a;
        }
        base = from;
        int m = want - decoded;
        int at = decoded - from;
        if (numbers) {
            if (scratch.length < m) scratch = new int[Math.max(m, STRETCH)];
            runs.next(dictLongs, longs, at, m, scratch);
        } else {
            runs.next(dictIds, ids, at, m);
        }
        decoded = want;
        return base;
    }

    /** a's values [from, from + kept) moved to its start, in an array of at least room values. */
    private static long[] shift(long[] a, int from, int kept, int room) {
        long[] b = a.length < room ? new long[Math.max(room, 2 * STRETCH)] : a;
        System.arraycopy(a, from, b, 0, kept);
        return b;
    }

    private void plain(byte[] buf, int pos, int end, int n) {
        ByteBuffer bb = ByteBuffer.wrap(buf, pos, end - pos).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case INT64:
                bb.asLongBuffer().get(longs, 0, n);
                break;
            case INT32:
                if ((long) pos + 4L * n > end) throw new ParquetDecodingException("PLAIN int32 values past the page");
                for (int i = 0; i < n; i++) longs[i] = bb.getInt(pos + 4 * i);
                break;
            case BOOLEAN:
                if ((long) pos + (n + 7) / 8 > end) throw new ParquetDecodingException("PLAIN booleans past the page");
                for (int i = 0; i < n; i++) bools[i] = (buf[pos + (i >>> 3)] & (1 << (i & 7))) != 0;
                break;
            default:
                int p = pos;
                for (int i = 0; i < n; i++) {
                    if (p + 4 > end) throw new ParquetDecodingException("PLAIN binary length past the page");
                    int len = bb.getInt(p);
                    p += 4;
                    if (len < 0 || len > end - p) throw new ParquetDecodingException("PLAIN binary of " + len + " bytes past the page");
                    if (isName()) {
                        ids[i] = nameId(buf, p, len);
                    } else {
                        starts[i] = p;
                        lens[i] = len;
                    }
                    p += len;
                }
                data = buf;
        }
    }

    private void generic(Encoding enc, byte[] buf, int pos, int end, int n) throws IOException {
        ValuesReader r = enc.getValuesReader(desc, ValuesType.VALUES);
        r.initFromPage(n, ByteBufferInputStream.wrap(ByteBuffer.wrap(buf, pos, end - pos)));
        switch (type) {
            case INT64:
                for (int i = 0; i < n; i++) longs[i] = r.readLong();
                break;
            case INT32:
                for (int i = 0; i < n; i++) longs[i] = r.readInteger();
                break;
            case BOOLEAN:
                for (int i = 0; i < n; i++) bools[i] = r.readBoolean();
                break;
            default:
                if (isName()) {
                    for (int i = 0; i < n; i++) ids[i] = nameId(r.readBytes().getBytes(), 0, -1);
                } else {
                    byte[][] vs = new byte[n][];
                    int total = 0;
                    for (int i = 0; i < n; i++) {
                        Binary b = r.readBytes();
                        vs[i] = b.getBytes();
                        total += vs[i].length;
                    }
                    data = join(vs, n, total, starts, lens);
                }
        }
    }
}
