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
    /** List leaves: repetition and definition levels of the open page (every entry written by the subclass). */
    int[] reps;
    int[] defs;
    /** Optional scalar leaves: definition levels as bits (1 = value present), row i at bit i. */
    final long[] present;
    private final boolean bits;
    /** Level entries in the open page (one per row, or per list element). */
    int n;
    /** Rows in the open page. */
    int rows;

    /** @param pageRows rows per page: the level arrays of a scalar leaf never grow */
    Leaf(ColumnDescriptor descriptor, int pageRows) {
        this.descriptor = descriptor;
        this.maxRep = descriptor.getMaxRepetitionLevel();
        this.maxDef = descriptor.getMaxDefinitionLevel();
        this.bits = maxDef == 1 && maxRep == 0;
        this.reps = new int[maxRep > 0 ? pageRows : 0];
        this.defs = new int[maxDef > 0 && !bits ? pageRows : 0];
        this.present = new long[bits ? (pageRows + 63) >>> 6 : 0];
    }

    /** An optional scalar leaf's row i has a value. */
    final void setPresent(int i) {
        present[i >>> 6] |= 1L << i;
    }

    /** Room for k more level entries (list leaves; a scalar leaf has one per row). */
    final void levelRoom(int k) {
        if (maxDef == 0 || n + k <= defs.length) return;
        int size = Math.max(n + k, 2 * defs.length);
        defs = java.util.Arrays.copyOf(defs, size);
        if (maxRep > 0) reps = java.util.Arrays.copyOf(reps, size);
    }

    /** Appends the values of the open page to out; returns their encoding. */
    abstract Encoding values(PageBytes out);

    /** Min/max (when kept) and null count of the open page. */
    abstract Statistics<?> statistics(int nulls);

    /** The dictionary page of the row group (compressed by the caller), or null when none. */
    abstract DictionaryPage dictionary(Zstd z) throws IOException;

    /** A dictionary page of count PLAIN values already encoded in p, ZSTD-compressed. */
    static DictionaryPage dictionaryPage(Zstd z, PageBytes p, int count) {
        return new DictionaryPage(BytesInput.from(z.compress(p.array(), p.size())), p.size(), count,
                Encoding.PLAIN_DICTIONARY);
    }

    /** Forgets the open page's values (levels are reset here). */
    abstract void clearPage();

    /** Forgets the row group's dictionary. */
    abstract void clearRowGroup();

    /** Encodes and compresses the open page (if it has rows) into the row group's list. */
    final void endPage(PageBytes out, Zstd z) {
        if (rows == 0) return;
        out.clear();
        int nulls = 0;
        if (maxRep > 0) {
            int m = out.mark();
            HybridEncoder.encode(reps, n, HybridEncoder.bitWidth(maxRep), out);
            out.patchLength(m);
        }
        if (bits) {
            int m = out.mark();
            HybridEncoder.encodeBits(present, n, out);
            out.patchLength(m);
            int words = (n + 63) >>> 6;
            for (int i = 0; i < words; i++) nulls += Long.bitCount(present[i]);
            nulls = n - nulls;
            java.util.Arrays.fill(present, 0, words, 0L);
        } else if (maxDef > 0) {
            int m = out.mark();
            HybridEncoder.encode(defs, n, HybridEncoder.bitWidth(maxDef), out);
            out.patchLength(m);
            for (int i = 0; i < n; i++) {
                if (defs[i] < maxDef) nulls++;
            }
        }
        Encoding enc = values(out);
        Statistics<?> stats = statistics(nulls);
        pages.add(new Page(z.compress(out.array(), out.size()), out.size(), n, rows, enc, stats));
        chunkValues += n;
        clearPage();
        n = 0;
        rows = 0;
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
