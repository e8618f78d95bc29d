package io.ccatrace.trace.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One leaf column of the Parquet schema while a row group is written: the levels and values
 * of the open page, and the compressed pages of the row group so far. Subclasses store and
 * encode the values; this class writes v1 data pages (levels RLE-hybrid encoded, each with
 * its int32 length, then the values) and the column chunk.
 */
abstract class Leaf {
    /** A compressed data page waiting for the end of its row group. */
    private record Page(byte[] bytes, int uncompressed, int values, int rows, Encoding encoding, Statistics<?> stats) {
    }

    final ColumnDescriptor descriptor;
    private final int maxRep;
    private final int maxDef;
    private final List<Page> pages = new ArrayList<>();
    private long chunkValues;
    /**
     * Optional scalar leaves: definition levels as bits (1 = value present), row i at bit i.
     * Rows are numbered by the caller: the sink's row in the page, or for a leaf whose pages
     * may span several of the sink's pages ({@link #spans}) its row in the row group, the open
     * page starting at row {@link #first}.
     */
    final long[] present;
    /** Row (as numbered by the caller) of the open page's first row: 0 unless the leaf {@link #spans}. */
    int first;
    /** Null level entries of the page being ended (set by {@link #levels}). */
    int nulls;
    /** Rows of the page being ended (set before {@link #levels}). */
    int rows;
    /** ZSTD level of this leaf's data pages ({@link ZstdLevels}). */
    int zstdLevel = Zstd.LEVEL;

    /**
     * @param levelRows the most rows of one page: the level arrays of a scalar leaf never grow
     *                  (the rows of a page, or of a row group for a leaf that {@link #spans})
     */
    Leaf(ColumnDescriptor descriptor, int levelRows) {
        this.descriptor = descriptor;
        this.maxRep = descriptor.getMaxRepetitionLevel();
        this.maxDef = descriptor.getMaxDefinitionLevel();
        this.present = new long[maxDef == 1 && maxRep == 0 ? ((levelRows + 63) >>> 6) + 1 : 0];
    }

    /**
     * Whether this leaf's page may stay open when the sink's page ends (rows numbered in the
     * row group, see {@link #present}): sparse optional columns then get pages of many more
     * rows but not more values, whose level bitmaps ZSTD compresses far better. No by default.
     */
    boolean spans() {
        return false;
    }

    /**
     * For a leaf that {@link #spans}: whether its open page should stay open for another
     * pageRows rows (it holds fewer than pageRows values); if so it makes room for them.
     */
    boolean keepOpen(int pageRows) {
        return false;
    }

    /** An optional scalar leaf's row i has a value. */
    final void setPresent(int i) {
        present[i >>> 6] |= 1L << i;
    }

    /**
     * Appends the open page's level sections (v1: each with its int32 length) for its rows,
     * sets {@link #nulls} and returns the number of level entries (values incl. nulls). This
     * one is for scalar leaves: required ones have no levels, optional ones their bits.
     */
    int levels(PageBytes out, int rows) {
        if (present.length == 0) {
            nulls = 0;
            return rows;
        }
        int m = out.mark();
        HybridEncoder.encodeBits(present, first, rows, out);
        out.patchLength(m);
        int from = first >>> 6;
        int to = (first + rows + 63) >>> 6;
        int set = 0;
        for (int i = from; i < to; i++) set += Long.bitCount(present[i]);
        java.util.Arrays.fill(present, from, to, 0L);
        nulls = rows - set;
        return rows;
    }

    /** Appends the values of the open page to out; returns their encoding. */
    abstract Encoding values(PageBytes out);

    /** Statistics of the open page: here the null count only; leaves that keep min/max override. */
    Statistics<?> statistics(int nulls) {
        return Statistics.getBuilderForReading(descriptor.getPrimitiveType()).withNumNulls(nulls).build();
    }

    /** Appends dictionary ids ids[0..n) of a dictionary of size entries: the bit width byte, then RLE-hybrid. */
    static void dictionaryIds(int[] ids, int n, int size, PageBytes out) {
        int width = HybridEncoder.idWidth(Math.max(0, size - 1));
        out.u8(width);
        HybridEncoder.encode(ids, n, width, out);
    }

    /** The dictionary page of the row group (compressed by the caller), or null when none. */
    abstract DictionaryPage dictionary(Zstd z) throws IOException;

    /** A dictionary page of count PLAIN values already encoded in p, ZSTD-compressed ({@link ZstdLevels#DICTIONARY_LEVEL}). */
    static DictionaryPage dictionaryPage(Zstd z, PageBytes p, int count) {
        return new DictionaryPage(BytesInput.from(z.compress(p.array(), p.size(), ZstdLevels.DICTIONARY_LEVEL)), p.size(), count,
                Encoding.PLAIN_DICTIONARY);
    }

    /** Forgets the open page's values (its levels were reset by {@link #levels}). */
    abstract void clearPage();

    /** Forgets the row group's dictionary. */
    abstract void clearRowGroup();

    /** Encodes and compresses the open page of the given rows (if any) into the row group's list. */
    final void endPage(PageBytes out, Zstd z, int rows) {
        if (rows == 0) return;
        out.clear();
        this.rows = rows;
        int n = levels(out, rows);
        Encoding enc = values(out);
        Statistics<?> stats = statistics(nulls);
        pages.add(new Page(z.compress(out.array(), out.size(), zstdLevel), out.size(), n, rows, enc, stats));
        chunkValues += n;
        clearPage();
    }

    /** Writes the row group's column chunk and starts a new one. */
    final void writeChunk(ParquetFileWriter w, Zstd z) throws IOException {
        w.startColumn(descriptor, chunkValues, CompressionCodecName.ZSTD);
        DictionaryPage d = dictionary(z);
        if (d != null) w.writeDictionaryPage(d);
        Encoding rl = maxRep > 0 ? Encoding.RLE : Encoding.BIT_PACKED;
        Encoding dl = maxDef > 0 ? Encoding.RLE : Encoding.BIT_PACKED;
        for (Page p : pages) {
            w.writeDataPage(p.values(), p.uncompressed(), BytesInput.from(p.bytes()), p.stats(), p.rows(), rl, dl, p.encoding());
        }
        w.endColumn();
        pages.clear();
        chunkValues = 0;
        clearRowGroup();
    }
}
