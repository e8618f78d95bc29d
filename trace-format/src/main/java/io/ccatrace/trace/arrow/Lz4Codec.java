package io.ccatrace.trace.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * Arrow's LZ4_FRAME buffer codec done with {@link Lz4Frames}: Arrow's writer hands it every
 * buffer of a batch (and keeps a buffer uncompressed, marked -1, when its frame would be
 * larger); Arrow's reader hands it every compressed buffer. {@link #FACTORY} gives readers this
 * codec for LZ4_FRAME and refuses ZSTD, which ccatrace never writes.
 */
final class Lz4Codec extends AbstractCompressionCodec {
    static final CompressionCodec.Factory FACTORY = new CompressionCodec.Factory() {
        @Override
        public CompressionCodec createCodec(CompressionUtil.CodecType type) {
            switch (type) {
                case NO_COMPRESSION:
                    return NoCompressionCodec.INSTANCE;
                case LZ4_FRAME:
                    return new Lz4Codec();
                default:
                    throw new IllegalArgumentException("Arrow buffer compression " + type
                            + " is not supported (ccatrace reads uncompressed and LZ4_FRAME buffers)");
            }
        }

        @Override
        public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
            return createCodec(type);
        }
    };

    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf raw) {
        long n = raw.writerIndex();
        if (n > Integer.MAX_VALUE - 1024) throw new IllegalArgumentException("Arrow buffer of " + n + " bytes");
        int size = (int) (CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + Lz4Frames.bound(n));
        ArrowBuf out = allocator.buffer(size);
        int len = Lz4Frames.encode(raw.memoryAddress(), (int) n, out.memoryAddress() + CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH);
        out.writerIndex(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + len);
        return out;
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
        long size = readUncompressedLength(compressed);
        long end = compressed.writerIndex();
        if (!Lz4Frames.plausible(size, end - 8, Lz4Buffers.MAX_SIZE) || end > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an LZ4 buffer of " + end + " bytes declares " + size);
        }
        ArrowBuf out = allocator.buffer(Math.max(size, 1));
        try {
            ByteBuffer src = compressed.nioBuffer(0, (int) end).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer dst = out.nioBuffer(0, (int) size).order(ByteOrder.LITTLE_ENDIAN);
            Lz4Frames.decode(src, (int) CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, (int) end, dst, (int) size);
            out.writerIndex(size);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public CompressionUtil.CodecType getCodecType() {
        return CompressionUtil.CodecType.LZ4_FRAME;
    }
}
