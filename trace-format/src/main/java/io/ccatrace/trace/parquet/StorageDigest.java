package io.ccatrace.trace.parquet;

import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/**
 * The storage digest of a Parquet trace (docs/trace-format.md, "Integrity chain"): per row
 * group k, {@code d_k = SHA-256(d_{k-1} || the bytes of every column chunk of row group k, in
 * column order)}, {@code d_0} = 32 zero bytes, stored in the footer under {@link #KEY}.
 * Checking it reads the chunks' stored bytes and decodes nothing, so it is far cheaper than
 * the event chain; but a file re-encoded by another tool that kept our metadata fails it with
 * every event unchanged, so a mismatch only means "check the event chain".
 */
public final class StorageDigest {
    /** Footer key: the row groups' digests in hex, comma separated, in file order. */
    public static final String KEY = "ccatrace.rowgroup_digest";
    static final int LENGTH = 32;
    private static final int BUFFER = 1 << 20;

    /**
     * What a check found.
     *
     * @param present whether the file has digests to check
     * @param firstBad the first row group whose digest differs (or is missing), or -1
     * @param firstSeq the seq range of that row group (from its seq statistics; row positions
     *     when the statistics are missing)
     * @param digest the last row group's digest as stored (hex), or null
     */
    public record Outcome(boolean present, int firstBad, long firstSeq, long lastSeq, String digest) {
        public boolean matches() {
            return present && firstBad < 0;
        }
    }

    private StorageDigest() {
    }

    /** Whether a file's metadata carries storage digests. */
    public static boolean present(TraceMetadata m) {
        return m.get(KEY) != null;
    }

    /**
     * Checks every row group's stored bytes against the footer's digests. Stops early (with a
     * partial, matching outcome) when stop says so.
     */
    public static Outcome check(Path path, BooleanSupplier stop) throws IOException {
        // the footer alone, without the page codecs a reader of pages needs (a third of the cost)
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
             FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            String stored = ParquetFooter.metadata(reader).get(KEY);
            if (stored == null) return new Outcome(false, -1, 0, -1, null);
            String[] want = stored.isEmpty() ? new String[0] : stored.split(",", -1);
            List<BlockMetaData> groups = reader.getRowGroups();
            MessageDigest sha = sha256();
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            byte[] last = new byte[LENGTH];
            long row = 0;
            for (int g = 0; g < groups.size() && !stop.getAsBoolean(); g++) {
                BlockMetaData b = groups.get(g);
                sha.update(last);
                for (ColumnChunkMetaData c : b.getColumns()) read(ch, c.getStartingPos(), c.getTotalSize(), sha, buf);
                last = sha.digest();
                if (g >= want.length || !hex(last).equalsIgnoreCase(want[g])) {
                    long[] seq = seqRange(b, row);
                    return new Outcome(true, g, seq[0], seq[1], want.length == 0 ? null : want[want.length - 1]);
                }
                row += b.getRowCount();
            }
            boolean extra = want.length > groups.size() && !stop.getAsBoolean();
            return new Outcome(true, extra ? groups.size() : -1, row, row - 1,
                    want.length == 0 ? null : want[want.length - 1]);
        }
    }

    private static void read(FileChannel ch, long at, long len, MessageDigest sha, ByteBuffer buf) throws IOException {
        if (at < 0 || len < 0) throw new IOException("column chunk at " + at + " of " + len + " bytes");
        long end = at + len;
        while (at < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - at));
            int n = ch.read(buf, at);
            if (n < 0) throw new IOException("column chunk ends after the end of the file");
            sha.update(buf.array(), 0, n);
            at += n;
        }
    }

    /** A row group's first and last seq from its statistics; row positions without them. */
    private static long[] seqRange(BlockMetaData b, long firstRow) {
        for (ColumnChunkMetaData c : b.getColumns()) {
            if (c.getPath().size() == 1 && c.getPath().toArray()[0].equals("seq")) {
                Statistics<?> st = c.getStatistics();
                if (st != null && st.hasNonNullValue() && st.genericGetMin() instanceof Long) {
                    return new long[] {(Long) st.genericGetMin(), (Long) st.genericGetMax()};
                }
            }
        }
        return new long[] {firstRow, firstRow + b.getRowCount() - 1};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    static String hex(byte[] d) {
        return HexFormat.of().formatHex(d);
    }
}
