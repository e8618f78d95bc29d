package io.ccatrace.replay.checkpoint;

import io.ccatrace.replay.state.ShadowCodec;
import io.ccatrace.replay.state.ShadowState;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;

/**
 * Reads the checkpoint file beside a trace for state queries. Anything wrong with it (made
 * for another trace or an older recording at the same path, another layout version, a
 * damaged file) is one warning line and the file is ignored: the query then reads the trace
 * from the start, so a bad checkpoint file costs time, never a wrong answer.
 */
public final class CheckpointReader {
    /** A decoded snapshot: the state just after row seq; the hash of row seq + 1 (0: none). */
    public record Loaded(long seq, long nextRowHash, ShadowState state) {
    }

    private final Path file;
    private final CheckpointFile.Directory dir;
    private final Consumer<String> warnings;
    /** "; ignored (rebuild it with: ccatrace checkpoint TRACE)": the end of every warning about the file. */
    private final String advice;

    private CheckpointReader(Path file, CheckpointFile.Directory dir, Consumer<String> warnings, String advice) {
        this.file = file;
        this.dir = dir;
        this.warnings = warnings;
        this.advice = advice;
    }

    /**
     * The checkpoints beside trace when there are usable ones; null (after one warning,
     * except when there is no file at all) otherwise.
     */
    public static CheckpointReader open(Path trace, String traceId, Consumer<String> warnings) {
        Path file = CheckpointFile.beside(trace);
        if (!Files.isRegularFile(file)) return null;
        String advice = "; ignored (rebuild it with: ccatrace checkpoint " + trace + ")";
        try {
            CheckpointFile.Directory dir = directory(file);
            if (dir.codecVersion() != ShadowCodec.VERSION) {
                warnings.accept(file + ": snapshot layout " + dir.codecVersion() + ", this ccatrace reads "
                        + ShadowCodec.VERSION + advice);
                return null;
            }
            String why = dir.binding().mismatch(TraceBinding.ofFile(trace, traceId));
            if (why != null) {
                warnings.accept(file + ": stale or foreign checkpoint file: " + why + advice);
                return null;
            }
            return new CheckpointReader(file, dir, warnings, advice);
        } catch (IOException | RuntimeException e) {
            warnings.accept(file + ": corrupt checkpoint file (" + describe(e) + ")" + advice);
            return null;
        }
    }

    /** Events between checkpoints. */
    public long every() {
        return dir.every();
    }

    /** Number of checkpoints in the file. */
    public int count() {
        return dir.entries().size();
    }

    /** The last snapshot at or before seq at, or null (none, or damaged: warned). */
    public Loaded load(long at) {
        CheckpointFile.Entry e = dir.atOrBefore(at);
        if (e == null) return null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] b = read(ch, e.offset(), e.length());
            CRC32 crc = new CRC32();
            crc.update(b);
            if ((int) crc.getValue() != e.crc()) throw new IOException("snapshot at seq " + e.seq() + " fails its CRC");
            ShadowState s;
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(b), new java.util.zip.Inflater(), 1 << 16)) {
                s = ShadowCodec.read(new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16)));
            }
            if (s.lastSeq() != e.seq()) throw new IOException("snapshot at seq " + e.seq() + " holds seq " + s.lastSeq());
            return new Loaded(e.seq(), e.nextRowHash(), s);
        } catch (IOException | RuntimeException ex) {
            warnings.accept(file + ": corrupt checkpoint file (" + describe(ex) + ")" + advice);
            return null;
        }
    }

    private static CheckpointFile.Directory directory(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int head = CheckpointFile.MAGIC.length + 4;
            if (size < head + CheckpointFile.TRAILER) throw new IOException("too short: " + size + " bytes");
            ByteBuffer h = ByteBuffer.wrap(read(ch, 0, head));
            byte[] magic = new byte[CheckpointFile.MAGIC.length];
            h.get(magic);
            if (!Arrays.equals(magic, CheckpointFile.MAGIC)) throw new IOException("not a ccatrace checkpoint file");
            int version = h.getInt();
            if (version != CheckpointFile.VERSION) {
                throw new IOException("layout version " + version + ", this ccatrace reads " + CheckpointFile.VERSION);
            }
            ByteBuffer t = ByteBuffer.wrap(read(ch, size - CheckpointFile.TRAILER, CheckpointFile.TRAILER));
            long dirOffset = t.getLong();
            int dirLength = t.getInt();
            int dirCrc = t.getInt();
            t.get(magic);
            if (!Arrays.equals(magic, CheckpointFile.MAGIC)) throw new IOException("truncated (no trailer)");
            if (dirOffset < head || dirLength < 0 || dirOffset + dirLength != size - CheckpointFile.TRAILER) {
                throw new IOException("directory out of bounds");
            }
            byte[] d = read(ch, dirOffset, dirLength);
            CRC32 crc = new CRC32();
            crc.update(d);
            if ((int) crc.getValue() != dirCrc) throw new IOException("directory fails its CRC");
            CheckpointFile.Directory dir = CheckpointFile.Directory.read(new DataInputStream(new ByteArrayInputStream(d)));
            for (CheckpointFile.Entry e : dir.entries()) {
                if (e.offset() < head || e.length() < 0 || e.offset() + e.length() > dirOffset) {
                    throw new IOException("snapshot at seq " + e.seq() + " out of bounds");
                }
            }
            return dir;
        }
    }

    private static byte[] read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) throw new IOException("unexpected end of file");
        }
        return b.array();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }
}
