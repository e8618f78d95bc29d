package io.ccatrace.trace.parquet;

import com.github.luben.zstd.ZstdCompressCtx;
import java.util.Arrays;

/**
 * One reused ZSTD compression context for every page of a file: level {@link #LEVEL} with a
 * minimum match of {@link #MIN_MATCH} bytes instead of the level's 5. Pages of levels and
 * dictionary ids repeat in short stretches: on a recorded multi-realm trace the pages are 1.7%
 * smaller (2.4% on the synthetic bench trace) for the same compression time (measured in
 * session 4: docs/performance.md). Level 5 instead of 3 (session 5): a recorded multi-realm
 * trace 4.09 -> 3.98 bytes/event (the 4) for ~10% more writer CPU time (ZSTD about
 * twice as long). Any ZSTD decoder reads the frames.
 */
final class Zstd implements AutoCloseable {
    static final int LEVEL = 5;
    static final int MIN_MATCH = 4;

    private final ZstdCompressCtx ctx = new ZstdCompressCtx();
    private byte[] dst = new byte[1 << 16];

    Zstd() {
        ctx.setLevel(LEVEL);
        ctx.setMinMatch(MIN_MATCH);
    }

    /** The ZSTD frame of src[0..n), as a new array of its exact size. */
    byte[] compress(byte[] src, int n) {
        int bound = (int) com.github.luben.zstd.Zstd.compressBound(n);
        if (dst.length < bound) dst = new byte[bound];
        int size = ctx.compressByteArray(dst, 0, dst.length, src, 0, n);
        return Arrays.copyOf(dst, size);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
