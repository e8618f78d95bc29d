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
        left = 0;
        into = 0;
    }

    /** Values not decoded yet. */
    int remaining() {
        return count - done;
    }

    /** Decodes the next m values (at most {@link #remaining}) into out[at..at + m). */
    void next(int[] out, int at, int m) {
        if (width == 0) {
            java.util.Arrays.fill(out, at, at + m, 0);
            done += m;
            return;
        }
        int stop = at + m;
        while (at < stop) {
            if (left == 0) run();
            int k = Math.min(left, stop - at);
            if (packed) {
                unpackFrom(out, at, k);
            } else {
                java.util.Arrays.fill(out, at, at + k, value);
            }
            at += k;
            left -= k;
            done += k;
        }
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
