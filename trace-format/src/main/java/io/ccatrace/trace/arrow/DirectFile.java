package io.ccatrace.trace.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The Arrow sink's file written with O_DIRECT: the sink's bytes are staged in an aligned
 * buffer and each flush writes them as whole blocks with O_DIRECT, so the kernel allocates,
 * fills and writes back no page-cache pages for them (on the benchmark box that was most of the
 * recording thread's kernel time, and writing the last partial block through the page cache
 * instead cost more than it saved: the kernel then writes that page back and drops it before
 * the next direct write of its block).
 *
 * <p>The last partial block is written padded: right after the bytes comes a filler that reads
 * as the start of an IPC message longer than the rest of the file (continuation marker, a
 * metadata length of {@link IpcStream#MAX_METADATA}), then zeros to the block's end. A reader
 * takes it for the torn tail of an unfinished recording and stops after the last whole batch,
 * so a recording killed at any moment keeps every batch flushed before the kill, as with plain
 * writes. The partial block stays staged and is written again, longer, by the next flush;
 * {@link #finish} writes it exactly, through the ordinary channel, so a finished file has no
 * filler. Writes after the first run on a thread of their own ({@link BackgroundWrites}), one at
 * a time, so the caller does not wait for the device. {@link #open} gives null where O_DIRECT is not possible (not a regular file, a file
 * system without it); a first direct write that fails switches to ordinary writes for good.
 */
final class DirectFile implements AutoCloseable {
    static final int BLOCK = 4096;
    /** The torn-tail filler: a continuation marker and a metadata length. */
    private static final int FILLER = 8;

    private final FileChannel plain;
    private FileChannel direct;
    private ByteBuffer stage;
    /** The other stage buffer: the one being written, or free after the write. */
    private ByteBuffer spare;
    private final BackgroundWrites writes = new BackgroundWrites();
    /** File offset of stage[0] (a multiple of BLOCK while direct). */
    private long base;
    private boolean wroteDirect;

    private DirectFile(FileChannel plain, FileChannel direct) {
        this.plain = plain;
        this.direct = direct;
        this.stage = aligned(2 << 20);
    }

    /** A direct writer for path (already opened, empty, as plain), or null where O_DIRECT is not possible. */
    static DirectFile open(Path path, FileChannel plain) {
        if (!Files.isRegularFile(path)) return null; // devices, pipes: as they are
        try {
            FileChannel d = FileChannel.open(path, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
            return new DirectFile(plain, d);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Stages src (all of it). */
    void write(ByteBuffer src) {
        int n = src.remaining();
        if (stage.remaining() < n + FILLER + BLOCK) grow(stage.position() + n + FILLER + BLOCK);
        stage.put(src);
    }

    private static ByteBuffer aligned(int capacity) {
        return ByteBuffer.allocateDirect(capacity + BLOCK).alignedSlice(BLOCK);
    }

    private void grow(int need) {
        ByteBuffer bigger = aligned(Math.max(stage.capacity() * 2, need));
        stage.flip();
        bigger.put(stage);
        stage = bigger;
    }

    /**
     * Writes everything staged: whole blocks with O_DIRECT, the partial one padded with a
     * torn-tail filler. The first write is done here (a file system that refuses O_DIRECT shows
     * then, and the file falls back to ordinary writes); later ones on {@link BackgroundWrites}'
     * thread while the caller goes on with the other stage buffer, which starts with the
     * partial block (a failure of a write is thrown by the next flush or finish).
     */
    void flush() throws IOException {
        if (direct == null) {
            plainWrite();
            return;
        }
        int n = stage.position();
        int padded = (n + FILLER + BLOCK - 1) & -BLOCK;
        if (stage.capacity() < padded) grow(padded);
        ByteBuffer pad = stage.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        pad.clear().position(n).limit(padded);
        pad.putInt(-1).putInt(IpcStream.MAX_METADATA);
        while (pad.hasRemaining()) pad.put((byte) 0);
        int whole = n & -BLOCK;
        if (!wroteDirect) {
            if (writeDirect(padded)) keepPartialBlock(whole, n); else plainWrite();
            return;
        }
        writes.await(); // the spare buffer is free again
        writes.start(direct, stage, padded, base);
        ByteBuffer next = spare != null && spare.capacity() >= stage.capacity() ? spare : aligned(stage.capacity());
        next.clear();
        next.put(stage.duplicate().position(whole).limit(n)); // the partial block; the write only reads too
        spare = stage;
        stage = next;
        base += whole;
    }

    /**
     * Writes everything staged exactly: whole blocks with O_DIRECT, the rest through the
     * ordinary channel, and cuts the last filler off: the file ends where the bytes do.
     */
    void finish() throws IOException {
        writes.await();
        int n = stage.position();
        int whole = direct == null ? 0 : n & -BLOCK;
        if (whole > 0 && writeDirect(whole)) keepPartialBlock(whole, n);
        plainWrite();
        plain.truncate(base);
    }

    /** After stage[0, whole) went out: the rest, stage[whole, n), moves to the start for the next write. */
    private void keepPartialBlock(int whole, int n) {
        base += whole;
        stage.position(whole).limit(n);
        stage.compact();
    }

    private void plainWrite() throws IOException {
        ByteBuffer rest = stage.duplicate();
        rest.flip();
        long at = base;
        while (rest.hasRemaining()) at += plain.write(rest, at);
        base = at;
        stage.clear();
    }

    /** Writes stage[0, len) with O_DIRECT at base; false (and plain writes from now on) when a first direct write fails. */
    private boolean writeDirect(int len) throws IOException {
        ByteBuffer w = stage.duplicate();
        w.position(0).limit(len);
        try {
            while (w.hasRemaining()) direct.write(w, base + w.position());
        } catch (IOException e) {
            if (wroteDirect) throw e;
            direct.close(); // the file system refused O_DIRECT after all
            direct = null;
            return false;
        }
        wroteDirect = true;
        return true;
    }

    /** The CPU time (ns) of every background writing thread of this process so far. */
    static long backgroundCpuNanos() {
        return BackgroundWrites.cpuNanos();
    }

    @Override
    public void close() throws IOException {
        writes.close();
        if (direct != null) direct.close();
    }
}
