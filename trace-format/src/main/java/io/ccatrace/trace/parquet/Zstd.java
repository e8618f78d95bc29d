package io.ccatrace.trace.parquet;

import com.github.luben.zstd.ZstdCompressCtx;
import java.util.Arrays;

/**
 * The ZSTD compression contexts of one file, reused for every page: one per level in use, each
 * with a minimum match of {@link #MIN_MATCH} bytes instead of the level's 5 (pages of levels and
 * dictionary ids repeat in short stretches: 1.7% smaller pages on a recorded multi-realm trace for
 * the same compression time, session 4). The level is chosen per column ({@link ZstdLevels}):
 * {@link #LEVEL} by default. Any ZSTD decoder reads the frames whatever the level.
 */
final class Zstd implements AutoCloseable {
    /** The level of a column's data pages unless {@link ZstdLevels} says otherwise. */
    static final int LEVEL = 5;
    static final int MIN_MATCH = 4;

    /** Contexts by level (index = level), created when a level is first used. */
    private final ZstdCompressCtx[] contexts = new ZstdCompressCtx[ZstdLevels.MAX + 1];
    private byte[] dst = new byte[1 << 16];

    /** The ZSTD frame of src[0..n) at the given level, as a new array of its exact size. */
    byte[] compress(byte[] src, int n, int level) {
        int bound = (int) com.github.luben.zstd.Zstd.compressBound(n);
        if (dst.length < bound) dst = new byte[bound];
        int size = context(level).compressByteArray(dst, 0, dst.length, src, 0, n);
        return Arrays.copyOf(dst, size);
    }

    private ZstdCompressCtx context(int level) {
        ZstdCompressCtx c = contexts[level];
        if (c == null) {
            c = new ZstdCompressCtx();
            c.setLevel(level);
            c.setMinMatch(MIN_MATCH);
            contexts[level] = c;
        }
        return c;
    }

    @Override
    public void close() {
        for (ZstdCompressCtx c : contexts) {
            if (c != null) c.close();
        }
    }
}
