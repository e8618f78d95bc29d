package io.ccatrace.replay.checkpoint;

import io.ccatrace.replay.state.ShadowCodec;
import io.ccatrace.replay.state.ShadowState;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a checkpoint file front to back ({@link CheckpointFile}) into a temporary file
 * beside the target and moves it into place on {@link #finish}, so a reader never sees half
 * a file. Closing without finishing deletes the temporary file.
 */
final class CheckpointWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final DataOutputStream out;
    private final List<CheckpointFile.Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream snapshot = new ByteArrayOutputStream(1 << 16);
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private long offset;
    private boolean finished;

    CheckpointWriter(Path target) throws IOException {
        this.target = target;
        this.tmp = target.resolveSibling(target.getFileName() + ".tmp");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
        out.write(CheckpointFile.MAGIC);
        out.writeInt(CheckpointFile.VERSION);
        offset = CheckpointFile.MAGIC.length + 4;
    }

    /**
     * Appends the snapshot of s, the state just after the row seq; nextRowHash is the event
     * hash of the row after it (0: none, or not known yet: see {@link #nextRowHash}).
     */
    void add(long seq, long nextRowHash, ShadowState s) throws IOException {
        snapshot.reset();
        deflater.reset();
        DeflaterOutputStream z = new DeflaterOutputStream(snapshot, deflater, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(z, 1 << 16));
        ShadowCodec.write(s, d);
        d.flush();
        z.finish();
        CRC32 crc = new CRC32();
        crc.update(snapshot.toByteArray());
        int len = snapshot.size();
        snapshot.writeTo(out);
        entries.add(new CheckpointFile.Entry(seq, nextRowHash, offset, len, (int) crc.getValue()));
        offset += len;
    }

    /** Writes the directory and trailer and moves the file into place. Returns its size. */
    long finish(TraceBinding binding, long every) throws IOException {
        ByteArrayOutputStream dir = new ByteArrayOutputStream();
        new CheckpointFile.Directory(ShadowCodec.VERSION, binding, every, entries).write(new DataOutputStream(dir));
        CRC32 crc = new CRC32();
        crc.update(dir.toByteArray());
        dir.writeTo(out);
        out.writeLong(offset);
        out.writeInt(dir.size());
        out.writeInt((int) crc.getValue());
        out.write(CheckpointFile.MAGIC);
        out.close();
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
        return offset + dir.size() + CheckpointFile.TRAILER;
    }

    /** Sets the hash of the row after the last snapshot added. */
    void nextRowHash(long hash) {
        CheckpointFile.Entry e = entries.get(entries.size() - 1);
        entries.set(entries.size() - 1, new CheckpointFile.Entry(e.seq(), hash, e.offset(), e.length(), e.crc()));
    }

    int count() {
        return entries.size();
    }

    @Override
    public void close() throws IOException {
        deflater.end();
        if (finished) return;
        out.close();
        Files.deleteIfExists(tmp);
    }
}
