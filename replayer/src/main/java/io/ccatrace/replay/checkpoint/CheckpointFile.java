package io.ccatrace.replay.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Layout of a checkpoint file (TRACE.ckpt, docs/replay.md "Checkpoints"): the magic and
 * layout version, then one compressed {@link io.ccatrace.replay.state.ShadowCodec} snapshot
 * per checkpoint, then the {@link Directory} (which trace, every how many events, where each
 * snapshot is and its CRC-32), then a fixed trailer: directory offset, length, CRC-32 and
 * the magic again. Written once, front to back, so the same trace gives the same bytes.
 */
public final class CheckpointFile {
    static final byte[] MAGIC = "CCATCKPT".getBytes(StandardCharsets.US_ASCII);
    /** Layout version of this file format (the snapshot codec has its own). */
    static final int VERSION = 1;
    /** Bytes of the trailer: directory offset, length, CRC-32, magic. */
    static final int TRAILER = 8 + 4 + 4 + 8;

    /**
     * One snapshot: the state just after row seq; nextRowHash is the event hash of row seq + 1
     * (0 when the trace ends at seq), which a query reads first and compares.
     */
    record Entry(long seq, long nextRowHash, long offset, int length, int crc) {
    }

    /** Everything but the snapshots: read first, checked before any snapshot is used. */
    record Directory(int codecVersion, TraceBinding binding, long every, List<Entry> entries) {
        void write(DataOutput out) throws IOException {
            out.writeInt(codecVersion);
            binding.write(out);
            out.writeLong(every);
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeLong(e.seq());
                out.writeLong(e.nextRowHash());
                out.writeLong(e.offset());
                out.writeInt(e.length());
                out.writeInt(e.crc());
            }
        }

        static Directory read(DataInput in) throws IOException {
            int codec = in.readInt();
            TraceBinding b = TraceBinding.read(in);
            long every = in.readLong();
            int n = in.readInt();
            if (n < 0) throw new IOException("negative checkpoint count " + n);
            List<Entry> entries = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                entries.add(new Entry(in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt()));
            }
            return new Directory(codec, b, every, entries);
        }

        /** The last entry with seq <= at, or null. */
        Entry atOrBefore(long at) {
            Entry best = null;
            for (Entry e : entries) {
                if (e.seq() <= at) best = e;
            }
            return best;
        }
    }

    private CheckpointFile() {
    }

    /** Where the checkpoints of a trace are kept: beside it, TRACE.ckpt. */
    public static Path beside(Path trace) {
        Path name = trace.getFileName();
        return trace.resolveSibling((name == null ? "trace" : name.toString()) + ".ckpt");
    }
}
