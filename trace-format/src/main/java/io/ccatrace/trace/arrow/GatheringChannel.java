package io.ccatrace.trace.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The channel the Arrow stream writer writes to: it only collects what it is given (views of
 * the off-heap batch buffers as they are, copies of the small heap buffers: message
 * metadata, continuation markers, padding) and {@link #flush} sends them to the file with
 * gathering writes, so a batch of ~100 buffers costs one or a few system calls and no copy
 * in user space. The caller flushes before it touches the batch buffers again.
 */
final class GatheringChannel implements WritableByteChannel {
    private final FileChannel file;
    private final List<ByteBuffer> pending = new ArrayList<>();
    /** Copies of everything, for a writer whose buffers are freed before the flush (compressed batches); or null. */
    private ByteBuffer copies;
    /** The file's O_DIRECT writer, or null. */
    private final DirectFile direct;
    private boolean open = true;

    /**
     * With a direct file, every buffer is staged there and flushed with O_DIRECT ({@link
     * DirectFile}). Otherwise, with copyAll, every buffer is copied into one reused off-heap
     * buffer (compressed batches: Arrow frees a batch's compressed buffers before the sink
     * flushes); without it, the buffers are kept as views.
     */
    GatheringChannel(FileChannel file, boolean copyAll, DirectFile direct) {
        this.file = file;
        this.direct = direct;
        this.copies = copyAll && direct == null ? ByteBuffer.allocateDirect(1 << 20) : null;
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        if (n == 0) return 0;
        if (direct != null) {
            direct.write(src);
            return n;
        }
        if (copies != null) {
            if (copies.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(copies.capacity() * 2, copies.position() + n));
                copies.flip();
                bigger.put(copies);
                copies = bigger;
            }
            copies.put(src);
            return n;
        }
        if (src.isDirect()) {
            pending.add(src.slice());
        } else {
            ByteBuffer copy = ByteBuffer.allocate(n);
            copy.put(src.duplicate()).flip();
            pending.add(copy);
        }
        src.position(src.limit());
        return n;
    }

    /** Writes everything collected since the last flush to the file. */
    void flush() throws IOException {
        if (direct != null) {
            direct.flush();
            return;
        }
        if (copies != null) {
            copies.flip();
            while (copies.hasRemaining()) file.write(copies);
            copies.clear();
            return;
        }
        if (pending.isEmpty()) return;
        ByteBuffer[] all = pending.toArray(new ByteBuffer[0]);
        pending.clear();
        int first = 0;
        while (first < all.length) {
            file.write(all, first, all.length - first);
            while (first < all.length && !all[first].hasRemaining()) first++;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** The last flush of the file: as {@link #flush}, and an O_DIRECT file is left exactly as written. */
    void finish() throws IOException {
        if (direct != null) {
            direct.finish();
        } else {
            flush();
        }
    }

    /** Forgets unflushed buffers; the file is closed by its owner. */
    @Override
    public void close() {
        open = false;
        pending.clear();
        if (copies != null) copies.clear();
    }
}
