package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * The batches of one ccatrace Arrow stream: opens the stream over a {@link FramedChannel},
 * checks the format version and schema, loads one batch at a time into the reader's single
 * VectorSchemaRoot and decodes the name dictionaries of each batch.
 */
final class StreamBatches implements AutoCloseable {
    private static final Column[] COLUMNS = Column.values();

    private final String file;
    private final FramedChannel channel;
    private final ArrowStreamReader reader;
    private final VectorSchemaRoot root;
    private final TraceMetadata metadata;
    private final String[][] names = new String[COLUMNS.length][];

    StreamBatches(String file, FileChannel ch, BufferAllocator allocator) throws IOException {
        this.file = file;
        this.channel = new FramedChannel(file, ch);
        this.reader = new ArrowStreamReader(channel, allocator, Lz4Codec.FACTORY);
        try {
            this.root = readSchema();
            this.metadata = ArrowStreamSource.metadataOf(root.getSchema().getCustomMetadata());
            FormatVersion.check(file, metadata, true);
            String bad = ArrowSchema.mismatch(root.getSchema());
            if (bad != null) {
                throw new TraceFormatException(file + ": not a ccatrace v1 Arrow schema: " + bad);
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private VectorSchemaRoot readSchema() throws IOException {
        try {
            return reader.getVectorSchemaRoot();
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (channel.size() == 0) throw new TraceFormatException(file + ": empty file");
            if (channel.tail() != null) {
                throw new TraceFormatException(file + ": truncated before the first batch (" + channel.tail() + ")");
            }
            throw new TraceFormatException(file + ": not a readable Arrow stream: " + e.getMessage(), e);
        }
    }

    VectorSchemaRoot root() {
        return root;
    }

    TraceMetadata metadata() {
        return metadata;
    }

    boolean endOfStream() {
        return channel.endOfStream();
    }

    /** Loads the next batch; false at the end of the readable batches. */
    boolean next() throws IOException {
        if (!reader.loadNextBatch()) return false;
        for (Column c : COLUMNS) {
            if (c.type() == Column.Type.NAME || c.type() == Column.Type.KIND) {
                names[c.ordinal()] = decode(reader.lookup(c.ordinal()));
            }
        }
        return true;
    }

    private String[] decode(Dictionary d) throws TraceFormatException {
        if (d == null || !(d.getVector() instanceof VarCharVector)) {
            throw new TraceFormatException(file + ": name dictionary missing or not utf8");
        }
        VarCharVector v = (VarCharVector) d.getVector();
        org.apache.arrow.vector.util.ValueVectorUtility.validateFull(v);
        int n = v.getValueCount();
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            byte[] b = v.get(i);
            s[i] = b == null ? null : new String(b, StandardCharsets.UTF_8).intern();
        }
        return s;
    }

    /** The dictionary of a name column in the current batch. */
    String[] names(Column c) {
        return names[c.ordinal()];
    }

    /** The name in column c at row r of the current batch, or null. */
    String name(Column c, int r) throws TraceFormatException {
        SmallIntVector idx = (SmallIntVector) root.getVector(c.ordinal());
        if (idx.isNull(r)) return null;
        int i = idx.get(r);
        String[] dict = names[c.ordinal()];
        if (i < 0 || i >= dict.length) {
            throw new TraceFormatException(file + ": " + c.columnName() + " index " + i + " outside its dictionary");
        }
        return dict[i];
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
