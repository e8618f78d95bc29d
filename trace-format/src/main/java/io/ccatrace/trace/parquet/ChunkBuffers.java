package io.ccatrace.trace.parquet;

import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Where parquet-java reads a row group's column chunks into: arrays used again once the row
 * group is closed ({@link ParquetBatchReader} closes each row group when its rows are all
 * decoded and its pages all decompressed), from a {@link PageBuffers} pool of their own. Two
 * row groups are alive at most (the current one and the one read ahead), so after the first
 * two row groups of a file no chunk array is allocated any more. A buffer given back that this
 * pool did not hand out, or gives back twice, is ignored.
 */
final class ChunkBuffers implements ByteBufferAllocator {
    private final PageBuffers arrays = new PageBuffers();

    @Override
    public ByteBuffer allocate(int size) {
        return ByteBuffer.wrap(arrays.take(size), 0, size).slice();
    }

    @Override
    public void release(ByteBuffer b) {
        if (b != null && b.hasArray()) arrays.give(b.array());
    }

    @Override
    public boolean isDirect() {
        return false;
    }
}
