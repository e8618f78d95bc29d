package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * One projected column of one row group, read page by page: the page's definition and
 * repetition levels are decoded in bulk ({@link RleHybrid}), its values by
 * {@link PageValues}, and rows are copied from there into {@link EventBatch} arrays,
 * continuing across pages and across calls.
 */
final class PageColumn {
    /** Most values accepted in one page (the writer's pages hold at most 20,000 rows). */
    private static final int MAX_PAGE_VALUES = 1 << 23;

    private final Column column;
    private final int maxDef;
    private final int maxRep;
    /** The current page's values; {@link #spareValues} holds the page decoded ahead, if any. */
    private PageValues values;
    private PageValues spareValues;
    /** Optional scalar column (definition level 0 or 1, no repetition): levels kept as a bitmap. */
    private final boolean bitmap;
    /** A list column with two-bit definition levels: decoded straight into {@link #elems} and {@link #nullLists}. */
    private final boolean twoBitLists;
    /** Whether an optional LONG/INT/NAME column is handed over sparsely ({@link EventBatch#isSparse}). */
    private boolean sparse;
    private PageReader pages;
    /** Whether pages may be decoded ahead of their rows ({@link #lookAhead}). */
    private boolean eager;
    /** Whether the next page is decoded already, in the spare arrays (with {@link #aheadLevels} levels). */
    private boolean aheadReady;
    private int aheadLevels;
    /** Whether {@link #lookAhead} found the chunk has no more pages. */
    private boolean pagesEnd;
    /** What reading or decoding the next page ahead threw, for {@link #nextPage} to throw. */
    private Throwable pageError;
    /** The next row group's chunk whose dictionary and first page were prepared ahead ({@link #lookAheadChunk}), or null. */
    private PageReader nextChunk;
    /** What installing the next chunk's dictionary ahead threw, for {@link #start} to throw. */
    private Throwable chunkError;
    private long[] present = new long[1];
    private int[] defs = new int[0];
    /** Repetition levels of a list column as bits: set when the level continues the row's list (level 1). */
    private long[] cont = new long[1];
    /**
     * A list column's definition levels as bits, 64 levels a word: {@link #elems} where the
     * level is an element, {@link #nullLists} where it is a null list; {@link #elemRanks} the
     * elements before each word (one more word than the levels fill, for the end).
     */
    private long[] elems = new long[1];
    private long[] nullLists = new long[1];
    private int[] elemRanks = new int[1];
    /** The spare page's level arrays (swapped with the current ones, {@link #swap}). */
    private long[] sparePresent = new long[1];
    private int[] spareDefs = new int[0];
    private long[] spareCont = new long[1];
    private long[] spareElems = new long[1];
    private long[] spareNullLists = new long[1];
    private int[] spareElemRanks = new int[1];
    private int levels;
    private int li;
    private int vi;
    /** Where decompressed pages' arrays go back once their page is done. */
    private final PageBuffers buffers;
    /** The arrays of the current page and of the page decoded ahead; {@link #decoded}: of the page decode() read last. */
    private byte[] currentBuf;
    private byte[] aheadBuf;
    private byte[] decoded;
    /** A BYTES column's rows of the batch being filled. */
    private final BytesFill bytesFill;

    PageColumn(ColumnDescriptor desc, Column column, NameTable names, PageBuffers buffers) {
        this.buffers = buffers;
        this.column = column;
        this.maxDef = desc.getMaxDefinitionLevel();
        this.maxRep = desc.getMaxRepetitionLevel();
        this.bitmap = maxRep == 0 && maxDef == 1;
        this.twoBitLists = maxRep > 0 && BytesUtils.getWidthFromMaxInt(maxDef) == 2;
        this.values = new PageValues(desc, column, names);
        this.spareValues = new PageValues(desc, column, names);
        this.bytesFill = new BytesFill(column);
    }

    Column column() {
        return column;
    }

    /**
     * Fills this column sparsely from now on if it is an optional scalar LONG, INT or NAME
     * column (a bitmap of present rows and their values, no null-filled cells); else no change.
     */
    void sparse(boolean on) {
        Column.Type t = column.type();
        if (bitmap && (t == Column.Type.LONG || t == Column.Type.INT || t == Column.Type.NAME)) sparse = on;
    }

    /**
     * Fills this column sparsely from now on if it is an optional scalar BYTES column or a list
     * column with two-bit levels (a bitmap of the rows with a value and those rows' boundaries,
     * no per-row boundaries and null flags); else no change.
     */
    void sparseSpans(boolean on) {
        Column.Type t = column.type();
        if (bitmap && t == Column.Type.BYTES || twoBitLists && t == Column.Type.LONGS) sparse = on;
    }

    /**
     * Starts a new row group's column chunk (eager: its pages may be {@link #lookAhead decoded
     * ahead}); a chunk prepared by {@link #lookAheadChunk} keeps its dictionary and first page.
     */
    void start(PageReader reader, boolean eager) throws IOException {
        boolean prepared = reader == nextChunk;
        nextChunk = null;
        pages = reader;
        this.eager = eager;
        levels = 0;
        li = 0;
        vi = 0;
        pagesEnd = false;
        if (prepared) {
            if (chunkError != null) {
                Throwable t = chunkError;
                chunkError = null;
                throw ParquetBatchReader.rethrow(t);
            }
            return;
        }
        aheadReady = false;
        pageError = null;
        chunkError = null;
        buffers.give(currentBuf);
        buffers.give(aheadBuf);
        currentBuf = null;
        aheadBuf = null;
        dictionary(values, reader.readDictionaryPage());
        spareValues.sameDictionary(values);
    }

    /**
     * Installs a chunk's dictionary (or none) in v; the page's array goes back to the pool at
     * once: the entries are copied out of it.
     */
    private void dictionary(PageValues v, DictionaryPage page) throws IOException {
        if (page == null) {
            v.dictionary(null);
            return;
        }
        // read once (a codec's bytes may be a stream), then decoded from the buffer
        ByteBuffer bb = page.getBytes().toByteBuffer();
        v.dictionary(new DictionaryPage(BytesInput.from(bb), page.getDictionarySize(), page.getEncoding()));
        if (bb.hasArray()) buffers.give(bb.array());
    }

    /**
     * Decodes the chunk's next page now, into the spare arrays, if pages may be read ahead and
     * it is not decoded yet; true when it did. A failure is kept for {@link #nextPage}, where
     * it would have happened.
     */
    boolean lookAhead() {
        if (!eager || pages == null || aheadReady || pagesEnd || pageError != null || nextChunk != null) return false;
        try {
            DataPage page = pages.readPage();
            if (page == null) {
                pagesEnd = true;
            } else {
                decodeAhead(page);
            }
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            pageError = e;
        }
        return true;
    }

    /**
     * Once the current chunk has no page left to decode ahead: installs the next row group's
     * chunk's dictionary and decodes its first page, in the spare arrays; true when it did.
     * {@link #start} with the same reader then keeps them. Failures are kept for
     * {@link #start} (dictionary) and {@link #nextPage} (page), where they would have happened.
     */
    boolean lookAheadChunk(PageReader next) {
        if (!eager || pages == null || !pagesEnd || aheadReady || pageError != null || nextChunk != null) return false;
        nextChunk = next;
        try {
            dictionary(spareValues, next.readDictionaryPage());
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            chunkError = e;
            return true;
        }
        try {
            DataPage page = next.readPage();
            // an empty chunk: its start() finds no page, as without look-ahead
            if (page != null) decodeAhead(page);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            pageError = e;
        }
        return true;
    }

    private void decodeAhead(DataPage page) throws IOException {
        swap();
        try {
            aheadLevels = decode(page);
        } finally {
            swap();
        }
        aheadBuf = decoded;
        aheadReady = true;
    }

    /** Exchanges the current page's arrays and values with the spare ones. */
    private void swap() {
        long[] p = present;
        present = sparePresent;
        sparePresent = p;
        int[] d = defs;
        defs = spareDefs;
        spareDefs = d;
        long[] c = cont;
        cont = spareCont;
        spareCont = c;
        PageValues v = values;
        values = spareValues;
        spareValues = v;
        if (maxRep > 0) {
            long[] e = elems;
            elems = spareElems;
            spareElems = e;
            long[] z = nullLists;
            nullLists = spareNullLists;
            spareNullLists = z;
            int[] k = elemRanks;
            elemRanks = spareElemRanks;
            spareElemRanks = k;
        }
    }

    /** Makes the next page current; false when the chunk has no more. */
    private boolean nextPage() throws IOException {
        if (pageError != null) {
            Throwable t = pageError;
            pageError = null;
            throw ParquetBatchReader.rethrow(t);
        }
        // a page of the next row group's chunk, prepared ahead, is not this chunk's
        if (nextChunk != null) return false;
        int n;
        if (aheadReady) {
            swap();
            aheadReady = false;
            n = aheadLevels;
            // the page that was current is done: its array may hold a later page
            buffers.give(currentBuf);
            currentBuf = aheadBuf;
            aheadBuf = null;
            // the page just made current may be a new chunk's: later pages decode with its dictionary
            spareValues.sameDictionary(values);
        } else {
            DataPage page = pagesEnd ? null : pages.readPage();
            if (page == null) return false;
            buffers.give(currentBuf);
            currentBuf = null;
            n = decode(page);
            currentBuf = decoded;
        }
        levels = n;
        li = 0;
        vi = 0;
        return true;
    }

    /** Decodes a page's levels and values into the current arrays; returns its level count. */
    private int decode(DataPage page) throws IOException {
        int n = page.getValueCount();
        if (n < 0 || n > MAX_PAGE_VALUES) throw new ParquetDecodingException("page of " + n + " values");
        if (bitmap) {
            if (present.length < (n >>> 6) + 2) present = new long[(n >>> 6) + 2];
        } else if (defs.length < n) {
            defs = new int[n];
        }
        if (maxRep > 0 && cont.length < (n >>> 6) + 2) {
            cont = new long[(n >>> 6) + 2];
        }
        if (maxRep > 0 && elems.length < (n >>> 6) + 2) {
            elems = new long[(n >>> 6) + 2];
            nullLists = new long[(n >>> 6) + 2];
            elemRanks = new int[(n >>> 6) + 2];
        }
        byte[] buf;
        int pos;
        int end;
        Encoding enc;
        if (page instanceof DataPageV1) {
            DataPageV1 p = (DataPageV1) page;
            ByteBuffer bb = p.getBytes().toByteBuffer();
            buf = array(bb);
            decoded = buf;
            pos = bb.hasArray() ? bb.arrayOffset() + bb.position() : 0;
            end = pos + bb.remaining();
            if (maxRep > 0) pos = repsV1(p.getRlEncoding(), buf, pos, end, n);
            if (maxDef > 0) {
                if (p.getDlEncoding() != Encoding.RLE) throw new ParquetDecodingException("levels encoded as " + p.getDlEncoding() + " are not supported");
                int len = levelsLength(buf, pos, end);
                pos += 4;
                levels(buf, pos, pos + len, n);
                pos += len;
            }
            enc = p.getValueEncoding();
        } else {
            DataPageV2 p = (DataPageV2) page;
            if (maxRep > 0) {
                byte[] rl = p.getRepetitionLevels().toByteArray();
                reps(rl, 0, rl.length, n);
            }
            if (maxDef > 0) {
                byte[] d = p.getDefinitionLevels().toByteArray();
                levels(d, 0, d.length, n);
            }
            buf = p.getData().toByteArray();
            decoded = null;
            pos = 0;
            end = buf.length;
            enc = p.getDataEncoding();
        }
        // Levels above the maximum are not rejected: no array is indexed by a level, such a
        // value reads as absent, and the integrity chain reports the corrupt rows.
        int count;
        if (maxDef == 0) {
            count = n;
        } else if (bitmap) {
            count = PresentBits.count(present, n);
        } else if (twoBitLists) {
            count = elemRanks(n);
        } else if (maxRep > 0) {
            count = listBits(n);
        } else {
            count = 0;
            int md = maxDef;
            for (int i = 0; i < n; i++) count += defs[i] == md ? 1 : 0;
        }
        values.decode(enc, buf, pos, end, count);
        return n;
    }

    /**
     * A list page's n definition levels as bits ({@link #elems}, {@link #nullLists}) and
     * element ranks per word ({@link #elemRanks}); returns the page's element count.
     */
    private int listBits(int n) {
        int words = (n + 63) >>> 6;
        if (elems.length < words + 1) {
            elems = new long[words + 1];
            nullLists = new long[words + 1];
            elemRanks = new int[words + 1];
        }
        int[] d = defs;
        int md = maxDef;
        int total = 0;
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int lim = Math.min(64, n - base);
            long e = 0;
            long z = 0;
            for (int k = 0; k < lim; k++) {
                int x = d[base + k];
                e |= (long) (x == md ? 1 : 0) << k;
                z |= (long) (x == 0 ? 1 : 0) << k;
            }
            elems[w] = e;
            nullLists[w] = z;
            elemRanks[w] = total;
            total += Long.bitCount(e);
        }
        elems[words] = 0;
        nullLists[words] = 0;
        elemRanks[words] = total;
        return total;
    }

    /** The element ranks per word of a list page of n levels whose bitmaps are decoded; returns its element count. */
    private int elemRanks(int n) {
        int words = (n + 63) >>> 6;
        long[] e = elems;
        int[] k = elemRanks;
        int total = 0;
        for (int w = 0; w < words; w++) {
            k[w] = total;
            total += Long.bitCount(e[w]);
        }
        e[words] = 0;
        nullLists[words] = 0;
        k[words] = total;
        return total;
    }

    /** Elements of the current list page before level x (0 &lt;= x &lt;= levels). */
    private int elemsBefore(int x) {
        return elemRanks[x >>> 6] + Long.bitCount(elems[x >>> 6] & ((1L << x) - 1));
    }

    private static byte[] array(ByteBuffer bb) {
        if (bb.hasArray()) return bb.array();
        byte[] b = new byte[bb.remaining()];
        bb.duplicate().get(b);
        return b;
    }

    /**
     * Definition levels of n rows from buf[pos..end): the bitmap, a list's element and
     * null-list bitmaps (two-bit levels: {@link #twoBitLists}), or the level array.
     */
    private void levels(byte[] buf, int pos, int end, int n) {
        if (bitmap) RleHybrid.decodeBits(buf, pos, end, present, n);
        else if (twoBitLists) RleHybrid.decodeTwoBitLevels(buf, pos, end, n, maxDef, elems, 0, nullLists);
        else RleHybrid.decode(buf, pos, end, BytesUtils.getWidthFromMaxInt(maxDef), defs, n);
    }

    private static int levelsLength(byte[] buf, int pos, int end) {
        if (pos + 4 > end) throw new ParquetDecodingException("levels length past the page");
        int len = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        if (len < 0 || len > end - pos - 4) throw new ParquetDecodingException("levels of " + len + " bytes past the page");
        return len;
    }

    private int repsV1(Encoding enc, byte[] buf, int pos, int end, int n) {
        if (enc != Encoding.RLE) throw new ParquetDecodingException("levels encoded as " + enc + " are not supported");
        int len = levelsLength(buf, pos, end);
        pos += 4;
        reps(buf, pos, pos + len, n);
        return pos + len;
    }

    /** Repetition levels of n rows from buf[pos..end) (our lists: at most 1, one bit each) into {@link #cont}. */
    private void reps(byte[] buf, int pos, int end, int n) {
        if (maxRep != 1) throw new ParquetDecodingException(column.columnName() + ": repetition levels up to " + maxRep);
        RleHybrid.decodeBits(buf, pos, end, cont, n, true);
    }

    private void needLevels() throws IOException {
        while (li == levels) {
            if (!nextPage()) throw new ParquetDecodingException(column.columnName() + " ends before its row group");
        }
    }

    /** Copies the next n rows of this column into the batch. */
    void fill(EventBatch b, int n) throws IOException {
        if (sparse) {
            if (column.type() == Column.Type.LONGS) sparseLists(b, n);
            else if (column.type() == Column.Type.BYTES) sparseBytes(b, n);
            else sparseRows(b, n, column.type() == Column.Type.NAME);
            return;
        }
        switch (column.type()) {
            case LONG:
            case INT:
                longs(b.fillLongs(column), n);
                break;
            case KIND:
            case NAME:
                ids(b.fillIds(column), n);
                break;
            case BOOL:
                bools(b.fillBools(column), n);
                break;
            case LONGS:
                lists(b, n);
                break;
            default:
                bytes(b, n);
        }
    }

    /**
     * n rows of an optional scalar column, sparsely: the presence bits of the rows, their
     * values (ids for a NAME column) one after the other, the ranks per 64 rows.
     */
    private void sparseRows(EventBatch b, int n, boolean names) throws IOException {
        long[] bits = b.fillPresent(column);
        Object out = names ? b.fillSparseIds(column) : b.fillSparseLongs(column);
        int r = 0;
        int k = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            int c = PresentBits.copy(present, li, take, bits, r);
            int base = values.ready(vi, vi + c);
            System.arraycopy(names ? values.ids : values.longs, vi - base, out, k, c);
            vi += c;
            k += c;
            li += take;
            r += take;
        }
        EventBatch.ranks(bits, (n + 63) >>> 6, b.fillRanks(column));
    }

    private void longs(long[] out, int n) throws IOException {
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            // at most take values (a value per row), from value vi on
            int base = values.ready(vi, vi + take);
            long[] v = values.longs;
            if (maxDef == 0) {
                System.arraycopy(v, vi - base, out, r, take);
                vi += take;
            } else if (bitmap) {
                vi = base + PresentBits.expand(present, li, take, v, vi - base, out, r, TraceEvent.NULL);
            } else {
                int[] d = defs;
                int x = vi - base;
                for (int i = 0; i < take; i++) {
                    out[r + i] = d[li + i] == maxDef ? v[x++] : TraceEvent.NULL;
                }
                vi = base + x;
            }
            li += take;
            r += take;
        }
    }

    private void ids(int[] out, int n) throws IOException {
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            // at most take values (a value per row), from value vi on
            int base = values.ready(vi, vi + take);
            int[] v = values.ids;
            if (maxDef == 0) {
                System.arraycopy(v, vi - base, out, r, take);
                vi += take;
            } else if (bitmap) {
                vi = base + PresentBits.expand(present, li, take, v, vi - base, out, r, -1);
            } else {
                int[] d = defs;
                int x = vi - base;
                for (int i = 0; i < take; i++) {
                    out[r + i] = d[li + i] == maxDef ? v[x++] : -1;
                }
                vi = base + x;
            }
            li += take;
            r += take;
        }
    }

    private void bools(boolean[] out, int n) throws IOException {
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            if (maxDef != 0) throw new ParquetDecodingException(column.columnName() + " must be required");
            System.arraycopy(values.bools, vi, out, r, take);
            vi += take;
            li += take;
            r += take;
        }
    }

    /** n rows of a BYTES column (see {@link BytesFill}). */
    private void bytes(EventBatch b, int n) throws IOException {
        boolean[] nulls = b.fillNulls(column);
        BytesFill f = bytesFill;
        f.start(b, b.fillOffsets(column), n);
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            f.page(values, r);
            for (int i = 0; i < take; i++) {
                boolean has = maxDef == 0 || (bitmap ? PresentBits.get(present, li + i) : defs[li + i] == maxDef);
                nulls[r + i] = !has;
                if (has) f.value(values, vi++, r + i);
                else f.none(r + i);
            }
            li += take;
            r += take;
        }
        f.finish();
    }

    /**
     * n rows of an optional BYTES column, sparsely: the presence bits, the present rows'
     * boundaries and (rows of dictionary-encoded pages) their starts in the row group's
     * dictionary ({@link BytesFill}).
     */
    private void sparseBytes(EventBatch b, int n) throws IOException {
        long[] bits = b.fillPresent(column);
        BytesFill f = bytesFill;
        f.start(b, b.fillSparseOffsets(column), n);
        int k = 0;
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            int c = PresentBits.copy(present, li, take, bits, r);
            f.page(values, k);
            for (int j = 0; j < c; j++) f.value(values, vi++, k++);
            li += take;
            r += take;
        }
        EventBatch.ranks(bits, (n + 63) >>> 6, b.fillRanks(column));
        f.finish();
    }

    /**
     * n rows of a 3-level LIST (def 0 = null list, maxDef - 1 = empty, maxDef = an element).
     * The levels give the rows' lengths; the elements of a page's stretch are consecutive
     * values, copied at once.
     */
    private void lists(EventBatch b, int n) throws IOException {
        int[] off = b.fillOffsets(column);
        boolean[] nulls = b.fillNulls(column);
        long[] out = b.fillListValues(column, 0);
        int end = 0;
        int r = -1;
        off[0] = 0;
        int last = n - 1;
        boolean done = false;
        while (!done) {
            if (li == levels && !nextPage()) {
                if (r == last) break;
                throw new ParquetDecodingException(column.columnName() + " ends before its row group");
            }
            long[] rp = cont;
            long[] el = elems;
            long[] nl = nullLists;
            int[] rank = elemRanks;
            if (r < 0 && (rp[li >>> 6] >>> li & 1) != 0) {
                throw new ParquetDecodingException(column.columnName() + " starts inside a list");
            }
            // one step per row, not per level: a row starts where the repetition bit is clear;
            // its null flag is the null-list bit there, and the row before it ends with the
            // elements before that level (ranks + a popcount)
            int from = elemsBefore(li);
            int stop = levels;
            int w = li >>> 6;
            int lastWord = (levels - 1) >>> 6;
            long starts = ~rp[w] & (-1L << li);
            rows:
            while (true) {
                if (w == lastWord && (levels & 63) != 0) starts &= (1L << levels) - 1;
                while (starts != 0) {
                    int q = (w << 6) | Long.numberOfTrailingZeros(starts);
                    if (r == last) {
                        stop = q;
                        done = true;
                        break rows;
                    }
                    if (r >= 0) off[r + 1] = end + rank[w] + Long.bitCount(el[w] & ((1L << q) - 1)) - from;
                    r++;
                    nulls[r] = (nl[w] >>> q & 1) != 0;
                    starts &= starts - 1;
                }
                if (++w > lastWord) break;
                starts = ~rp[w];
            }
            int take = elemsBefore(stop) - from;
            int count = end + take;
            off[r + 1] = count;
            if (count > out.length) out = b.fillListValues(column, count);
            int base = values.ready(vi, vi + take);
            System.arraycopy(values.longs, vi - base, out, end, take);
            vi += take;
            end = count;
            li = stop;
        }
        off[n] = end;
    }

    /**
     * n rows of a list column with two-bit levels, sparsely: the bits of the rows with a list
     * (empty or not), the boundaries of those rows' elements, the elements. Only the rows with
     * a list take a step: a row starts where the repetition bit is clear, has a list unless its
     * null-list bit is set there, and is the row numbered by the row starts before it.
     */
    private void sparseLists(EventBatch b, int n) throws IOException {
        long[] bits = b.fillPresent(column);
        int[] off = b.fillSparseOffsets(column);
        long[] out = b.fillListValues(column, 0);
        int end = 0;
        int k = 0;
        // rows started so far (the dense walk's r + 1)
        int rows = 0;
        off[0] = 0;
        while (true) {
            if (li == levels && !nextPage()) {
                if (rows == n) break;
                throw new ParquetDecodingException(column.columnName() + " ends before its row group");
            }
            long[] rp = cont;
            long[] nl = nullLists;
            if (rows == 0 && (rp[li >>> 6] >>> li & 1) != 0) {
                throw new ParquetDecodingException(column.columnName() + " starts inside a list");
            }
            int from = elemsBefore(li);
            int stop = levels;
            boolean done = false;
            int lastWord = (levels - 1) >>> 6;
            for (int w = li >>> 6; w <= lastWord; w++) {
                long starts = ~rp[w];
                if (w == li >>> 6) starts &= -1L << li;
                if (w == lastWord && (levels & 63) != 0) starts &= (1L << levels) - 1;
                int here = Long.bitCount(starts);
                if (rows + here > n) {
                    // the start of row n ends the batch: drop it and the starts after it
                    long t = starts;
                    for (int j = rows; j < n; j++) t &= t - 1;
                    int q = Long.numberOfTrailingZeros(t);
                    stop = (w << 6) | q;
                    starts &= (1L << q) - 1;
                    here = n - rows;
                    done = true;
                }
                for (long lists = starts & ~nl[w]; lists != 0; lists &= lists - 1) {
                    int q = Long.numberOfTrailingZeros(lists);
                    int row = rows + Long.bitCount(starts & ((1L << q) - 1));
                    bits[row >>> 6] |= 1L << row;
                    off[k++] = end + elemsBefore((w << 6) | q) - from;
                }
                rows += here;
                if (done) break;
            }
            int take = elemsBefore(stop) - from;
            int count = end + take;
            if (count > out.length) out = b.fillListValues(column, count);
            int base = values.ready(vi, vi + take);
            System.arraycopy(values.longs, vi - base, out, end, take);
            vi += take;
            end = count;
            li = stop;
            if (done) break;
        }
        off[k] = end;
        EventBatch.ranks(bits, (n + 63) >>> 6, b.fillRanks(column));
    }
}
