package io.ccatrace.trace.parquet;

import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * The reader's codecs: ZSTD pages are decompressed in one call into an array of the page's
 * uncompressed size, with reused native contexts (parquet-java's own codec opens a
 * decompression stream per page and copies its output twice); every other codec is
 * parquet-java's. Thread-safe: contexts come from a pool, so column chunks may be decoded
 * on several threads at once.
 */
final class ZstdPageCodecs implements CompressionCodecFactory {
    private final CompressionCodecFactory others;
    /** Where ZSTD pages are decompressed into (arrays given back by the reader's columns). */
    final PageBuffers buffers;
    /**
     * Contexts shared by every reader of the process (creating one costs more than a page):
     * at most one per thread decoding at the same time, kept for the life of the process. An
     * array deque under a lock: a linked queue allocated a node for every page.
     */
    private static final ArrayDeque<ZstdDecompressCtx> POOL = new ArrayDeque<>();
    private final BytesInputDecompressor zstd = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput in, int size) throws IOException {
            ByteBuffer src = in.toByteBuffer();
            byte[] dst = buffers.take(size);
            int n;
            ZstdDecompressCtx ctx = take();
            try {
                if (src.hasArray()) {
                    n = ctx.decompressByteArray(dst, 0, size, src.array(), src.arrayOffset() + src.position(), src.remaining());
                } else {
                    byte[] a = new byte[src.remaining()];
                    src.duplicate().get(a);
                    n = ctx.decompressByteArray(dst, 0, size, a, 0, a.length);
                }
            } catch (RuntimeException e) {
                throw new ParquetDecodingException("ZSTD page: " + e.getMessage(), e);
            } finally {
                give(ctx);
            }
            if (n != size) throw new ParquetDecodingException("ZSTD page of " + n + " bytes, " + size + " expected");
            return BytesInput.from(dst, 0, size);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size) throws IOException {
            byte[] a = new byte[compressedSize];
            input.duplicate().get(a);
            output.put(decompress(BytesInput.from(a), size).toByteBuffer());
        }

        @Override
        public void release() {
        }
    };

    ZstdPageCodecs(ParquetConfiguration conf) {
        this(conf, new PageBuffers());
    }

    /** Decompressing ZSTD pages into arrays of the given pool. */
    ZstdPageCodecs(ParquetConfiguration conf, PageBuffers buffers) {
        others = HadoopCodecs.newFactory(conf, 0);
        this.buffers = buffers;
    }

    private ZstdDecompressCtx take() {
        ZstdDecompressCtx c;
        synchronized (POOL) {
            c = POOL.poll();
        }
        return c != null ? c : new ZstdDecompressCtx();
    }

    private static void give(ZstdDecompressCtx c) {
        synchronized (POOL) {
            POOL.push(c);
        }
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return others.getCompressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.ZSTD ? zstd : others.getDecompressor(codec);
    }

    @Override
    public void release() {
        others.release();
    }
}
