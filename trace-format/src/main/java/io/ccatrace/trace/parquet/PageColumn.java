package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
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
    private final PageValues values;
    /** Optional scalar column (definition level 0 or 1, no repetition): levels kept as a bitmap. */
    private final boolean bitmap;
    /** Whether an optional LONG/INT/NAME column is handed over sparsely ({@link EventBatch#isSparse}). */
    private boolean sparse;
    private PageReader pages;
    private long[] present = new long[1];
    private int[] defs = new int[0];
    /** Repetition levels of a list column as bits: set when the level continues the row's list (level 1). */
    private long[] cont = new long[1];
    private int levels;
    private int li;
    private int vi;

    PageColumn(ColumnDescriptor desc, Column column, NameTable names) {
        this.column = column;
        this.maxDef = desc.getMaxDefinitionLevel();
        this.maxRep = desc.getMaxRepetitionLevel();
        this.bitmap = maxRep == 0 && maxDef == 1;
        this.values = new PageValues(desc, column, names);
    }

    /**
     * Fills this column sparsely from now on if it is an optional scalar LONG, INT or NAME
     * column (a bitmap of present rows and their values, no null-filled cells); else no change.
     */
    void sparse(boolean on) {
        Column.Type t = column.type();
        sparse = on && bitmap && (t == Column.Type.LONG || t == Column.Type.INT || t == Column.Type.NAME);
    }

    /** Starts a new row group's column chunk. */
    void start(PageReader reader) throws IOException {
        pages = reader;
        levels = 0;
        li = 0;
        vi = 0;
        values.dictionary(reader.readDictionaryPage());
    }

    /** Makes the next page current; false when the chunk has no more. */
    private boolean nextPage() throws IOException {
        DataPage page = pages.readPage();
        if (page == null) return false;
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
        byte[] buf;
        int pos;
        int end;
        Encoding enc;
        if (page instanceof DataPageV1) {
            DataPageV1 p = (DataPageV1) page;
            ByteBuffer bb = p.getBytes().toByteBuffer();
            buf = array(bb);
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
        } else {
            count = 0;
            for (int i = 0; i < n; i++) if (defs[i] == maxDef) count++;
        }
        values.decode(enc, buf, pos, end, count);
        levels = n;
        li = 0;
        vi = 0;
        return true;
    }

    private static byte[] array(ByteBuffer bb) {
        if (bb.hasArray()) return bb.array();
        byte[] b = new byte[bb.remaining()];
        bb.duplicate().get(b);
        return b;
    }

    /** Definition levels of n rows from buf[pos..end): the bitmap or the level array. */
    private void levels(byte[] buf, int pos, int end, int n) {
        if (bitmap) RleHybrid.decodeBits(buf, pos, end, present, n);
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
            sparseRows(b, n, column.type() == Column.Type.NAME);
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
            System.arraycopy(names ? values.ids : values.longs, vi, out, k, c);
            vi += c;
            k += c;
            li += take;
            r += take;
        }
        PresentBits.ranks(bits, (n + 63) >>> 6, b.fillRanks(column));
    }

    private void longs(long[] out, int n) throws IOException {
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            long[] v = values.longs;
            if (maxDef == 0) {
                System.arraycopy(v, vi, out, r, take);
                vi += take;
            } else if (bitmap) {
                vi = PresentBits.expand(present, li, take, v, vi, out, r, TraceEvent.NULL);
            } else {
                int[] d = defs;
                int x = vi;
                for (int i = 0; i < take; i++) {
                    out[r + i] = d[li + i] == maxDef ? v[x++] : TraceEvent.NULL;
                }
                vi = x;
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
            int[] v = values.ids;
            if (maxDef == 0) {
                System.arraycopy(v, vi, out, r, take);
                vi += take;
            } else if (bitmap) {
                vi = PresentBits.expand(present, li, take, v, vi, out, r, -1);
            } else {
                int[] d = defs;
                int x = vi;
                for (int i = 0; i < take; i++) {
                    out[r + i] = d[li + i] == maxDef ? v[x++] : -1;
                }
                vi = x;
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

    /**
     * n rows of a BYTES column. Rows of dictionary-encoded pages are pointed into the row
     * group's dictionary (nothing copied, {@link EventBatch#share}); if the batch also has rows
     * of a PLAIN page, every row is copied into the batch's own buffer instead.
     */
    private void bytes(EventBatch b, int n) throws IOException {
        int[] off = b.fillOffsets(column);
        boolean[] nulls = b.fillNulls(column);
        int[] st = null;
        byte[] shared = null;
        boolean copying = false;
        int end = 0;
        off[0] = 0;
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            boolean dict = values.fromDictionary;
            if (!copying && (!dict || shared != null && shared != values.dictData)) {
                if (shared != null) copyShared(b, off, st, shared, r);
                copying = true;
            }
            if (!copying && shared == null) {
                shared = values.dictData;
                st = b.fillStarts(column, n);
            }
            int[] keys = values.ids;
            for (int i = 0; i < take; i++) {
                boolean has = maxDef == 0 || (bitmap ? PresentBits.get(present, li + i) : defs[li + i] == maxDef);
                nulls[r + i] = !has;
                if (has) {
                    int from;
                    int len;
                    if (dict) {
                        int key = keys[vi];
                        from = values.dictStart[key];
                        len = values.dictLen[key];
                    } else {
                        from = values.starts[vi];
                        len = values.lens[vi];
                    }
                    if (copying) {
                        byte[] dst = b.fillBytes(column, end + len);
                        System.arraycopy(dict ? values.dictData : values.data, from, dst, end, len);
                    } else {
                        st[r + i] = from;
                    }
                    end += len;
                    vi++;
                } else if (!copying) {
                    st[r + i] = 0;
                }
                off[r + i + 1] = end;
            }
            li += take;
            r += take;
        }
        if (!copying && shared != null) b.share(column, shared, st);
    }

    /** Copies rows [0, rows) pointed into shared into the batch's own buffer, one after the other. */
    private void copyShared(EventBatch b, int[] off, int[] st, byte[] shared, int rows) {
        byte[] dst = b.fillBytes(column, off[rows]);
        for (int i = 0; i < rows; i++) System.arraycopy(shared, st[i], dst, off[i], off[i + 1] - off[i]);
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
        int md = maxDef;
        boolean done = false;
        while (!done) {
            if (li == levels && !nextPage()) {
                if (r == n - 1) break;
                throw new ParquetDecodingException(column.columnName() + " ends before its row group");
            }
            long[] rp = cont;
            int[] df = defs;
            int i = li;
            int count = end;
            if (r < 0 && i < levels && (rp[i >>> 6] >>> i & 1) != 0) {
                throw new ParquetDecodingException(column.columnName() + " starts inside a list");
            }
            // without branches on the levels (rows alternate null and non-null lists): every
            // level writes its row's null flag (only a row's first level changes it) and end
            int last = n - 1;
            for (; i < levels; i++) {
                int st = (int) (~rp[i >>> 6] >>> i) & 1;
                if (r + st > last) {
                    done = true;
                    break;
                }
                r += st;
                int d = df[i];
                nulls[r] = st != 0 ? d == 0 : nulls[r];
                count += d == md ? 1 : 0;
                off[r + 1] = count;
            }
            int take = count - end;
            if (count > out.length) out = b.fillListValues(column, count);
            System.arraycopy(values.longs, vi, out, end, take);
            vi += take;
            end = count;
            li = i;
        }
        off[n] = end;
    }
}
