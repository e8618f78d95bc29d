package io.ccatrace.trace.arrow;

import io.ccatrace.trace.TraceFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * The file under an Arrow stream reader, checked one IPC message ahead: before the reader
 * sees a message, its framing (continuation marker, metadata length, body length) is read
 * with positioned reads and checked against the file size. A message that does not fit is
 * the torn tail of an unfinished recording: the channel ends before it, so the reader stops
 * at the last whole batch. Absurd lengths are corruption and fail at once, before anything
 * is allocated for them. The framing is checked by {@link IpcStream}, the scanner of the
 * positional reader, so both readers accept and refuse the same files.
 */
final class FramedChannel implements ReadableByteChannel {
    private final String file;
    private final FileChannel ch;
    private final IpcStream frames;
    private long pos;
    private long boundary;
    private boolean ended;

    FramedChannel(String file, FileChannel ch) throws IOException {
        this.file = file;
        this.ch = ch;
        this.frames = new IpcStream(file, ch);
    }

    /** Whether the stream's end-of-stream marker was reached (the recording finished). */
    boolean endOfStream() {
        return frames.endOfStream();
    }

    /** Why the readable part ends before the file does, or null. */
    String tail() {
        return frames.tail();
    }

    long size() {
        return frames.size();
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

    /** Lets the reader have the next message when it is whole (the end marker counts as one). */
    private boolean nextMessageFits() throws IOException {
        if (frames.endOfStream()) return false;
        if (frames.next()) {
            boundary = frames.bodyStart() + frames.bodyLength();
            return true;
        }
        if (!frames.endOfStream()) return false;
        boundary = frames.position();
        return true;
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
