package io.ccatrace.trace.arrow;

import io.ccatrace.trace.TraceFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.apache.arrow.flatbuf.Message;

/**
 * The messages of an Arrow IPC stream read with positioned reads: each message's framing
 * (continuation marker, metadata length, body length) is checked against the file size
 * before anything is read for it, so a torn tail ends the stream (an unfinished recording)
 * and absurd lengths fail as corruption. Bodies are not read here: callers read the buffers
 * they need at {@link #bodyStart()}, or skip them. {@link FramedChannel} uses it to hand
 * Arrow's own stream reader whole messages only.
 */
final class IpcStream {
    /** Largest metadata flatbuffer accepted (ours are a few KiB). */
    static final int MAX_METADATA = 16 << 20;

    private final String file;
    private final FileChannel ch;
    private final long size;
    private final ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private long pos;
    private Message message;
    private long bodyStart;
    private long bodyLength;
    private boolean endOfStream;
    private String tail;

    IpcStream(String file, FileChannel ch) throws IOException {
        this.file = file;
        this.ch = ch;
        this.size = ch.size();
    }

    long size() {
        return size;
    }

    /** Whether the end-of-stream marker was reached (the recording finished). */
    boolean endOfStream() {
        return endOfStream;
    }

    /** Why the readable part ends before the file does, or null. */
    String tail() {
        return tail;
    }

    /** The current message's flatbuffer metadata. */
    Message message() {
        return message;
    }

    long bodyStart() {
        return bodyStart;
    }

    long bodyLength() {
        return bodyLength;
    }

    /** Where the next message starts (after {@link #next} returned false at the end marker: after it). */
    long position() {
        return pos;
    }

    /** Moves to the next whole message; false at the end marker, the end of the file, or a torn tail. */
    boolean next() throws IOException {
        message = null;
        if (endOfStream) return false;
        long rem = size - pos;
        if (rem == 0) return false;
        if (rem < 8) {
            tail = "the file ends inside a message header at byte " + pos;
            return false;
        }
        prefix.clear();
        readFully(prefix, pos);
        int marker = prefix.getInt(0);
        int len = prefix.getInt(4);
        if (marker != -1) {
            throw new TraceFormatException(file + ": not an Arrow IPC stream (no message marker at byte " + pos + ")");
        }
        if (len == 0) {
            endOfStream = true;
            pos += 8;
            return false;
        }
        if (len < 0 || len > MAX_METADATA) {
            throw new TraceFormatException(file + ": corrupt Arrow stream: message length " + len + " at byte " + pos);
        }
        if (len > rem - 8) {
            tail = "the file ends inside a message at byte " + pos;
            return false;
        }
        ByteBuffer meta = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        readFully(meta, pos + 8);
        meta.flip();
        Message m;
        long body;
        try {
            m = Message.getRootAsMessage(meta);
            body = m.bodyLength();
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
        message = m;
        bodyStart = pos + 8 + len;
        bodyLength = body;
        pos = bodyStart + body;
        return true;
    }

    /** Reads dst.remaining() bytes of the file at the given position. */
    void readFully(ByteBuffer dst, long at) throws IOException {
        long p = at;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, p);
            if (n < 0) throw new TraceFormatException(file + ": file shrank while being read at byte " + p);
            p += n;
        }
    }

    void close() throws IOException {
        ch.close();
    }
}
