package io.ccatrace.trace.arrow;

import io.ccatrace.trace.TraceFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import org.apache.arrow.flatbuf.Message;

/**
 * The file under an Arrow stream reader, checked one IPC message ahead: before the reader
 * sees a message, its framing (continuation marker, metadata length, body length) is read
 * with positioned reads and checked against the file size. A message that does not fit is
 * the torn tail of an unfinished recording: the channel ends before it, so the reader stops
 * at the last whole batch. Absurd lengths are corruption and fail at once, before anything
 * is allocated for them.
 */
final class FramedChannel implements ReadableByteChannel {
    /** Largest metadata flatbuffer accepted (ours are a few KiB). */
    static final int MAX_METADATA = 16 << 20;

    private final String file;
    private final FileChannel ch;
    private final long size;
    private final ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private long pos;
    private long boundary;
    private boolean ended;
    private boolean endOfStream;
    private String tail;

    FramedChannel(String file, FileChannel ch) throws IOException {
        this.file = file;
        this.ch = ch;
        this.size = ch.size();
    }

    /** Whether the stream's end-of-stream marker was reached (the recording finished). */
    boolean endOfStream() {
        return endOfStream;
    }

    /** Why the readable part ends before the file does, or null. */
    String tail() {
        return tail;
    }

    long size() {
        return size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (ended) return -1;
        if (pos == boundary && !nextMessageFits()) {
            ended = true;
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), boundary - pos);
        ByteBuffer view = dst.duplicate();
        view.limit(view.position() + want);
        int n = ch.read(view, pos);
        if (n <= 0) {
            throw new TraceFormatException(file + ": file shrank while being read at byte " + pos);
        }
        dst.position(dst.position() + n);
        pos += n;
        return n;
    }

    private boolean nextMessageFits() throws IOException {
        long rem = size - pos;
        if (rem == 0) return false;
        if (rem < 8) {
            tail = "the file ends inside a message header at byte " + pos;
            return false;
        }
        prefix.clear();
        readAt(prefix, pos);
        int marker = prefix.getInt(0);
        int len = prefix.getInt(4);
        if (marker != -1) {
            throw new TraceFormatException(file + ": not an Arrow IPC stream (no message marker at byte " + pos + ")");
        }
        if (len == 0) {
            endOfStream = true;
            boundary = pos + 8;
            return true;
        }
        if (len < 0 || len > MAX_METADATA) {
            throw new TraceFormatException(file + ": corrupt Arrow stream: message length " + len + " at byte " + pos);
        }
        if (len > rem - 8) {
            tail = "the file ends inside a message at byte " + pos;
            return false;
        }
        ByteBuffer meta = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        readAt(meta, pos + 8);
        meta.flip();
        long body;
        try {
            body = Message.getRootAsMessage(meta).bodyLength();
        } catch (RuntimeException e) {
            throw new TraceFormatException(file + ": corrupt Arrow message at byte " + pos, e);
        }
        if (body < 0) {
            throw new TraceFormatException(file + ": corrupt Arrow stream: body length " + body + " at byte " + pos);
        }
        if (body > rem - 8 - len) {
            tail = "the file ends inside a batch that starts at byte " + pos;
            return false;
        }
        boundary = pos + 8 + len + body;
        return true;
    }

    private void readAt(ByteBuffer b, long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) throw new TraceFormatException(file + ": file shrank while being read at byte " + p);
            p += n;
        }
    }

    @Override
    public boolean isOpen() {
        return ch.isOpen();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
