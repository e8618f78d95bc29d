package io.ccatrace.trace.parquet;

import com.github.luben.zstd.ZstdCompressCtx;
import java.util.Arrays;

/** One reused ZSTD compression context (level {@link #LEVEL}) for every page of a file. */
final class Zstd implements AutoCloseable {
    static final int LEVEL = 3;

    private final ZstdCompressCtx ctx = new ZstdCompressCtx();
    private byte[] dst = new byte[1 << 16];

    Zstd() {
        ctx.setLevel(LEVEL);
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
