package io.ccatrace.replay.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which trace a checkpoint file belongs to. Checked cheaply on every query: the trace id
 * from the trace's metadata, the file size and a SHA-256 of the file's last {@link #TAIL}
 * bytes (the Parquet footer with its digest and event count, or the last Arrow batch with
 * the chain value of the last row). The event count and chain digest the builder computed
 * are kept for the record and compared when the query's metadata has them.
 */
public record TraceBinding(String traceId, long fileSize, String tailSha256, long eventCount,
                           String digest) {
    /** Bytes at the end of the trace file covered by {@link #tailSha256}. */
    static final int TAIL = 1 << 20;

    /** The binding fields that can be read from the trace file without reading its rows. */
    static TraceBinding ofFile(Path trace, String traceId) throws IOException {
        try (FileChannel ch = FileChannel.open(trace, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(size, TAIL);
            ByteBuffer buf = ByteBuffer.allocate(n);
            long pos = size - n;
            while (buf.hasRemaining()) {
                int r = ch.read(buf, pos + buf.position());
                if (r < 0) throw new IOException(trace + ": file shrank while reading");
            }
            return new TraceBinding(traceId == null ? "" : traceId, size, sha256(buf.array()), -1, "");
        }
    }

    TraceBinding withContent(long count, String chainDigest) {
        return new TraceBinding(traceId, fileSize, tailSha256, count, chainDigest == null ? "" : chainDigest);
    }

    /** Why this (stored) binding does not fit the trace file's, or null when it does. */
    String mismatch(TraceBinding file) {
        if (!traceId.equals(file.traceId)) {
            return "made for trace id " + show(traceId) + ", the trace has " + show(file.traceId);
        }
        if (fileSize != file.fileSize) {
            return "made for a " + fileSize + "-byte trace file, the trace has " + file.fileSize + " bytes";
        }
        if (!tailSha256.equals(file.tailSha256)) {
            return "made for a different recording with the same trace id (the file's content differs)";
        }
        return null;
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(traceId);
        out.writeLong(fileSize);
        out.writeUTF(tailSha256);
        out.writeLong(eventCount);
        out.writeUTF(digest);
    }

    static TraceBinding read(DataInput in) throws IOException {
        return new TraceBinding(in.readUTF(), in.readLong(), in.readUTF(), in.readLong(), in.readUTF());
    }

    private static String show(String id) {
        return id.isEmpty() ? "(none)" : id;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
