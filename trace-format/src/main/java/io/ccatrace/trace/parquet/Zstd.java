package io.ccatrace.trace.parquet;

import com.github.luben.zstd.ZstdCompressCtx;
import java.util.Arrays;

/**
 * The ZSTD compression context of one file, reused for every page: a minimum match of
 * {@link #MIN_MATCH} bytes instead of the level's 5 (pages of levels and dictionary ids repeat in
 * short stretches: 1.7% smaller pages on a recorded multi-realm trace for the same compression
 * time, session 4), and the level of the page's column ({@link ZstdLevels}, {@link #LEVEL} by
 * default), switched when it changes. One context rather than one per level: the same frames,
 * and its tables stay in cache (the captured pages of the bench trace compressed in writer order:
 * 74-104 ns/event with one context, 93-125 with three; session 7). Any ZSTD decoder reads the
 * frames whatever the level.
 */
final class Zstd implements AutoCloseable {
    /** The level of a column's pages unless {@link ZstdLevels} says otherwise. */
    static final int LEVEL = 5;
    static final int MIN_MATCH = 4;

    private final ZstdCompressCtx ctx = new ZstdCompressCtx();
    private int level = LEVEL;
    private byte[] dst = new byte[1 << 16];

    Zstd() {
        ctx.setLevel(LEVEL);
        ctx.setMinMatch(MIN_MATCH);
    }

    /** The ZSTD frame of src[0..n) at the given level, as a new array of its exact size. */
    byte[] compress(byte[] src, int n, int level) {
        int bound = (int) com.github.luben.zstd.Zstd.compressBound(n);
        if (dst.length < bound) dst = new byte[bound];
        if (level != this.level) {
            ctx.setLevel(level);
            this.level = level;
        }
        int size = ctx.compressByteArray(dst, 0, dst.length, src, 0, n);
        return Arrays.copyOf(dst, size);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
