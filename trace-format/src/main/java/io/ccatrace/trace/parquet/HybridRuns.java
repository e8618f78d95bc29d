package io.ccatrace.trace.parquet;

import org.apache.parquet.io.ParquetDecodingException;

/**
 * A page's RLE / bit-packing hybrid values (dictionary ids) decoded a stretch at a time, each
 * call resuming where the last one stopped: the values of a page whose rows are used a batch
 * at a time are decoded as the batches need them, so a page's first batch does not decode the
 * whole page. Values and errors are those of {@link RleHybrid#decode} over the whole page; an
 * error is met by the stretch that reaches the bad run.
 */
final class HybridRuns {
    private byte[] buf;
    private int pos;
    private int end;
    private int width;
    /** Values of the page decoded so far, and in all. */
    private int done;
    private int count;
    /** Values left in the current run (0: the next run header comes next). */
    private int left;
    /** Whether the current run is bit-packed (else a repeated value). */
    private boolean packed;
    private int value;
    /** A bit-packed run: where its groups start, and how many of its values are decoded. */
    private int runStart;
    private int into;

    /** Starts a page's count values of bitWidth bits at buf[pos..end). */
    void start(byte[] buf, int pos, int end, int bitWidth, int count) {
        if (bitWidth < 0 || bitWidth > 32) throw new ParquetDecodingException("bit width " + bitWidth);
        this.buf = buf;
        this.pos = pos;
        this.end = end;
        this.width = bitWidth;
        this.count = count;
        done = 0;
        into = 0;
        // zero-bit ids take no bytes: all are id 0, one run of the page's values
        left = bitWidth == 0 ? count : 0;
        packed = false;
        value = 0;
    }

    /** Values not decoded yet. */
    int remaining() {
        return count - done;
    }

    /**
     * Decodes the next m values (at most {@link #remaining}) as entries of a dictionary: out[at
     * + i] = dict[id i]; a repeated run's entry is looked up once, bit-packed ids go through
     * scratch (room for m). An id past the dictionary throws ArrayIndexOutOfBoundsException.
     */
    void next(long[] dict, long[] out, int at, int m, int[] scratch) {
        for (int stop = at + m, k; at < stop; at += k) {
            k = take(stop - at);
            if (!packed) {
                java.util.Arrays.fill(out, at, at + k, dict[value]);
                continue;
            }
            unpackFrom(scratch, 0, k);
            for (int i = 0; i < k; i++) out[at + i] = dict[scratch[i]];
        }
    }

    /** As {@link #next(long[], long[], int, int, int[])} for a dictionary of ints (no scratch). */
    void next(int[] dict, int[] out, int at, int m) {
        for (int stop = at + m, k; at < stop; at += k) {
            k = take(stop - at);
            if (!packed) {
                java.util.Arrays.fill(out, at, at + k, dict[value]);
                continue;
            }
            unpackFrom(out, at, k);
            for (int i = at; i < at + k; i++) out[i] = dict[out[i]];
        }
    }

    /** How many of the next want values the current run gives (read first if the last one is used up), counted as decoded. */
    private int take(int want) {
        if (left == 0) run();
        int k = Math.min(left, want);
        left -= k;
        done += k;
        return k;
    }

    /** Reads the next run's header (and value, for a repeated run). */
    private void run() {
        long header = RleHybrid.header(buf, pos, end, done, count);
        pos = (int) (header >>> 32);
        int h = (int) header;
        if ((h & 1) == 0) {
            int bytes = (width + 7) >>> 3;
            if (pos + bytes > end) throw new ParquetDecodingException("RLE run value past the data");
            int v = 0;
            for (int i = 0; i < bytes; i++) v |= (buf[pos + i] & 0xFF) << (8 * i);
            pos += bytes;
            packed = false;
            value = v;
            left = (int) Math.min(count - done, h >>> 1);
        } else {
            int groups = h >>> 1;
            long bytes = (long) groups * width;
            if (bytes > end - pos) throw new ParquetDecodingException("bit-packed run past the data");
            packed = true;
            runStart = pos;
            into = 0;
            pos += (int) bytes;
            left = (int) Math.min(count - done, groups * 8L);
        }
    }

    /** The run's next k values (its values into..into + k) into out[at..]. */
    private void unpackFrom(int[] out, int at, int k) {
        int first = into;
        into += k;
        int lead = Math.min(k, (8 - (first & 7)) & 7);
        if (lead > 0) {
            // the rest of a group begun by the last stretch: value by value
            long mask = (1L << width) - 1;
            for (int i = 0; i < lead; i++) {
                long bit = (long) (first + i) * width;
                int p = runStart + (int) (bit >>> 3);
                long w = 0;
                for (int b = 0; b < 5 && p + b < buf.length; b++) w |= (long) (buf[p + b] & 0xFF) << (8 * b);
                out[at + i] = (int) ((w >>> (bit & 7)) & mask);
            }
        }
        int rest = k - lead;
        if (rest > 0) RleHybrid.unpack(buf, runStart + ((first + lead) >>> 3) * width, width, out, at + lead, rest);
    }
}
