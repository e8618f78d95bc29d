package io.ccatrace.trace.arrow;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.FormatVersion;
import io.ccatrace.trace.TraceFormatException;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Projected columns of an Arrow stream, read straight from the file: for each record batch
 * only the projected columns' buffers are read (positioned reads at the offsets the batch's
 * metadata gives; the whole body when most columns are wanted) and decoded in bulk into
 * {@link EventBatch} arrays by {@link IpcColumns}. Dictionary batches are decoded as they
 * come. {@link #seek} skips record batches by reading only their last seq value.
 */
public final class ArrowBatchReader implements BatchReader {
    private final String file;
    private final IpcStream ipc;
    private final TraceMetadata metadata;
    private final EventBatch[] batches = new EventBatch[2];
    private EventBatch batch;
    private final IpcColumns columns;
    private final boolean wholeBody;
    private ByteBuffer body = ByteBuffer.allocateDirect(0);
    private long seekTo = Long.MIN_VALUE;

    public ArrowBatchReader(Path path, Set<Column> wanted) throws IOException {
        this.file = path.toString();
        this.ipc = new IpcStream(file, FileChannel.open(path, StandardOpenOption.READ));
        try {
            Schema schema = readSchema();
            this.metadata = ArrowStreamSource.metadataOf(schema.getCustomMetadata());
            FormatVersion.check(file, metadata, true);
            String bad = ArrowSchema.mismatch(indexTypes(schema));
            if (bad != null) throw new TraceFormatException(file + ": not a ccatrace v1 Arrow schema: " + bad);
        } catch (IOException | RuntimeException e) {
            ipc.close();
            throw e;
        }
        this.batch = EventBatch.of(wanted);
        this.batches[0] = batch;
        this.columns = new IpcColumns(file, batch.projected());
        this.wholeBody = wanted.size() * 2 > Column.values().length;
    }

    /**
     * Hands the optional LONG, INT and NAME columns of {@code which} over sparsely from the next
     * batch on ({@link EventBatch#isSparse}; format-2 traces, whose batch hash reads the sparse form).
     */
    public ArrowBatchReader sparse(Set<Column> which) {
        if (FormatVersion.of(metadata) >= 2) columns.sparse(which);
        return this;
    }

    /** The schema as readers see it: dictionary-encoded fields typed by their index type. */
    private static Schema indexTypes(Schema s) {
        java.util.List<Field> fields = new java.util.ArrayList<>();
        for (Field f : s.getFields()) {
            DictionaryEncoding d = f.getDictionary();
            fields.add(d == null ? f : new Field(f.getName(), new FieldType(f.isNullable(), d.getIndexType(), d, f.getMetadata()),
                    f.getChildren()));
        }
        return new Schema(fields, s.getCustomMetadata());
    }

    private Schema readSchema() throws IOException {
        if (ipc.size() == 0) throw new TraceFormatException(file + ": empty file");
        if (!ipc.next()) {
            if (ipc.tail() != null) {
                throw new TraceFormatException(file + ": truncated before the first batch (" + ipc.tail() + ")");
            }
            throw new TraceFormatException(file + ": not a readable Arrow stream: no schema");
        }
        if (ipc.message().headerType() != MessageHeader.Schema) {
            throw new TraceFormatException(file + ": not a readable Arrow stream: the first message is not a schema");
        }
        try {
            return MessageSerializer.deserializeSchema(ipc.message());
        } catch (RuntimeException e) {
            throw new TraceFormatException(file + ": not a readable Arrow stream: corrupt schema", e);
        }
    }

    @Override
    public TraceMetadata metadata() {
        return metadata;
    }

    @Override
    public EventBatch next() throws IOException {
        while (ipc.next()) {
            Message m = ipc.message();
            switch (m.headerType()) {
                case MessageHeader.DictionaryBatch:
                    dictionary((DictionaryBatch) m.header(new DictionaryBatch()));
                    break;
                case MessageHeader.RecordBatch:
                    RecordBatch rb = (RecordBatch) m.header(new RecordBatch());
                    columns.check(rb, ipc.bodyLength());
                    if (seekTo != Long.MIN_VALUE && !columns.compressed()) {
                        if (lastSeq(rb) < seekTo) continue;
                        seekTo = Long.MIN_VALUE;
                    }
                    readBody(rb);
                    if (batches[1] != null) batch = batch == batches[0] ? batches[1] : batches[0];
                    columns.decode(rb, body, batch);
                    if (seekTo != Long.MIN_VALUE && batch.columns().contains(Column.SEQ)) {
                        // compressed: the batch's last seq is known once it is decoded
                        if (batch.size() == 0 || batch.longs(Column.SEQ)[batch.size() - 1] < seekTo) continue;
                        seekTo = Long.MIN_VALUE;
                    }
                    return batch;
                default:
                    throw new TraceFormatException(file + ": unexpected Arrow message type " + m.headerType()
                            + " at byte " + (ipc.bodyStart()));
            }
        }
        return null;
    }

    private void dictionary(DictionaryBatch d) throws IOException {
        long len = ipc.bodyLength();
        if (len > IpcStream.MAX_METADATA) throw new TraceFormatException(file + ": name dictionary of " + len + " bytes");
        ByteBuffer b = ByteBuffer.allocate((int) len);
        ipc.readFully(b, ipc.bodyStart());
        columns.dictionary(d, b);
    }

    /** Reads the projected columns' buffers (or the whole body) to their offsets in `body`. */
    private void readBody(RecordBatch rb) throws IOException {
        long len = ipc.bodyLength();
        if (len > Integer.MAX_VALUE - 16) throw new TraceFormatException(file + ": record batch of " + len + " bytes");
        if (body.capacity() < len) body = ByteBuffer.allocateDirect((int) Math.max(len, body.capacity() * 5L / 4));
        if (wholeBody) {
            ByteBuffer dst = body.duplicate();
            dst.position(0).limit((int) len);
            ipc.readFully(dst, ipc.bodyStart());
            return;
        }
        for (Column c : batch.projected()) {
            long[] span = columns.span(rb, c);
            ByteBuffer dst = body.duplicate();
            dst.position((int) span[0]).limit((int) span[1]);
            ipc.readFully(dst, ipc.bodyStart() + span[0]);
        }
    }

    /** The seq of a record batch's last row, read alone (8 bytes). */
    private long lastSeq(RecordBatch rb) throws IOException {
        long n = rb.length();
        if (n == 0) return Long.MIN_VALUE;
        ByteBuffer b = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ipc.readFully(b, ipc.bodyStart() + columns.seqOffset(rb) + (n - 1) * 8);
        return b.getLong(0);
    }

    /** Record batches whose last seq is below fromSeq are skipped without reading their bodies. */
    @Override
    public void seek(long fromSeq) {
        seekTo = fromSeq;
    }

    @Override
    public boolean doubleBuffer() {
        if (batches[1] == null) batches[1] = EventBatch.of(batch.columns());
        return true;
    }

    @Override
    public boolean complete() {
        return ipc.endOfStream();
    }

    @Override
    public void close() throws IOException {
        ipc.close();
    }
}
