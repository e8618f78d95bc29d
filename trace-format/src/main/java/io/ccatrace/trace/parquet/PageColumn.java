package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private PageReader pages;
    private int[] defs = new int[0];
    private int[] reps = new int[0];
    private int levels;
    private int li;
    private int vi;

    PageColumn(ColumnDescriptor desc, Column column, NameTable names) {
        this.column = column;
        this.maxDef = desc.getMaxDefinitionLevel();
        this.maxRep = desc.getMaxRepetitionLevel();
        this.values = new PageValues(desc, column, names);
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
        if (defs.length < n) {
            defs = new int[n];
            if (maxRep > 0) reps = new int[n];
        }
        byte[] buf;
        int pos;
        Encoding enc;
        if (page instanceof DataPageV1) {
            DataPageV1 p = (DataPageV1) page;
            buf = p.getBytes().toByteArray();
            pos = 0;
            if (maxRep > 0) pos = levelsV1(p.getRlEncoding(), buf, pos, maxRep, reps, n);
            if (maxDef > 0) pos = levelsV1(p.getDlEncoding(), buf, pos, maxDef, defs, n);
            enc = p.getValueEncoding();
        } else {
            DataPageV2 p = (DataPageV2) page;
            if (maxRep > 0) levelsV2(p.getRepetitionLevels().toByteArray(), maxRep, reps, n);
            if (maxDef > 0) levelsV2(p.getDefinitionLevels().toByteArray(), maxDef, defs, n);
            buf = p.getData().toByteArray();
            pos = 0;
            enc = p.getDataEncoding();
        }
        // Levels above the maximum are not rejected: no array is indexed by a level, such a
        // value reads as absent, and the integrity chain reports the corrupt rows.
        if (maxDef == 0) java.util.Arrays.fill(defs, 0, n, 0);
        int present = 0;
        for (int i = 0; i < n; i++) if (defs[i] == maxDef) present++;
        values.decode(enc, buf, pos, buf.length, present);
        levels = n;
        li = 0;
        vi = 0;
        return true;
    }

    private static int levelsV1(Encoding enc, byte[] buf, int pos, int max, int[] out, int n) {
        if (enc != Encoding.RLE) throw new ParquetDecodingException("levels encoded as " + enc + " are not supported");
        if (pos + 4 > buf.length) throw new ParquetDecodingException("levels length past the page");
        int len = ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(pos);
        pos += 4;
        if (len < 0 || len > buf.length - pos) throw new ParquetDecodingException("levels of " + len + " bytes past the page");
        RleHybrid.decode(buf, pos, pos + len, BytesUtils.getWidthFromMaxInt(max), out, n);
        return pos + len;
    }

    private static void levelsV2(byte[] buf, int max, int[] out, int n) {
        RleHybrid.decode(buf, 0, buf.length, BytesUtils.getWidthFromMaxInt(max), out, n);
    }

    private void needLevels() throws IOException {
        while (li == levels) {
            if (!nextPage()) throw new ParquetDecodingException(column.columnName() + " ends before its row group");
        }
    }

    /** Copies the next n rows of this column into the batch. */
    void fill(EventBatch b, int n) throws IOException {
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

    private void longs(long[] out, int n) throws IOException {
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            long[] v = values.longs;
            if (maxDef == 0) {
                System.arraycopy(v, vi, out, r, take);
                vi += take;
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

    private void bytes(EventBatch b, int n) throws IOException {
        int[] off = b.fillOffsets(column);
        boolean[] nulls = b.fillNulls(column);
        int end = 0;
        off[0] = 0;
        int r = 0;
        while (r < n) {
            needLevels();
            int take = Math.min(n - r, levels - li);
            for (int i = 0; i < take; i++) {
                boolean present = defs[li + i] == maxDef;
                nulls[r + i] = !present;
                if (present) {
                    int len = values.lens[vi];
                    byte[] dst = b.fillBytes(column, end + len);
                    System.arraycopy(values.data, values.starts[vi], dst, end, len);
                    end += len;
                    vi++;
                }
                off[r + i + 1] = end;
            }
            li += take;
            r += take;
        }
    }

    /** n rows of a 3-level LIST (def 0 = null list, maxDef - 1 = empty, maxDef = an element). */
    private void lists(EventBatch b, int n) throws IOException {
        int[] off = b.fillOffsets(column);
        boolean[] nulls = b.fillNulls(column);
        long[] out = b.fillListValues(column, 0);
        int end = 0;
        int r = -1;
        off[0] = 0;
        while (true) {
            if (li == levels && !nextPage()) {
                if (r == n - 1) break;
                throw new ParquetDecodingException(column.columnName() + " ends before its row group");
            }
            int rep = reps[li];
            if (rep == 0) {
                if (r == n - 1) break;
                if (r >= 0) off[r + 1] = end;
                r++;
                nulls[r] = defs[li] == 0;
            } else if (r < 0) {
                throw new ParquetDecodingException(column.columnName() + " starts inside a list");
            }
            if (defs[li] == maxDef) {
                if (end == out.length) out = b.fillListValues(column, end + 1);
                out[end++] = values.longs[vi++];
            }
            li++;
        }
        off[n] = end;
    }
}
