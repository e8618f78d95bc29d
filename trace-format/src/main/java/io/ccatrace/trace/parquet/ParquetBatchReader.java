package io.ccatrace.trace.parquet;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Projected columns of a Parquet trace: only the requested column chunks are read, and each
 * row group is returned in slices of {@link #BATCH_ROWS} rows, decoded page by page in bulk
 * by {@link PageColumn} (not value by value through parquet-java's record assembly).
 */
public final class ParquetBatchReader implements BatchReader {
    /** Rows per batch: a row group is read in slices, so memory stays at one slice of every column. */
    static final int BATCH_ROWS = 1 << 16;

    private final ParquetFileReader reader;
    private final EventBatch[] batches = new EventBatch[2];
    private EventBatch batch;
    private final Column[] columns;
    private final List<ColumnDescriptor> descs;
    private final PageColumn[] decoders;
    private final NameTable[] tables;
    private long rowsLeft;
    private int group = -1;

    public ParquetBatchReader(Path path, Set<Column> wanted) throws IOException {
        reader = ParquetFooter.open(path);
        batch = EventBatch.of(wanted);
        batches[0] = batch;
        List<Type> fields = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        for (Column c : Column.values()) {
            if (wanted.contains(c)) {
                fields.add(ParquetSchema.SCHEMA.getType(c.columnName()));
                cols.add(c);
            }
        }
        columns = cols.toArray(new Column[0]);
        MessageType projection = new MessageType(ParquetSchema.NAME, fields);
        reader.setRequestedSchema(projection);
        descs = projection.getColumns();
        decoders = new PageColumn[columns.length];
        tables = new NameTable[columns.length];
        for (int i = 0; i < columns.length; i++) {
            tables[i] = new NameTable();
            decoders[i] = new PageColumn(descs.get(i), columns[i], tables[i]);
        }
    }

    @Override
    public TraceMetadata metadata() {
        return ParquetFooter.metadata(reader);
    }

    @Override
    public EventBatch next() throws IOException {
        while (rowsLeft == 0) {
            if (!nextRowGroup()) return null;
        }
        int n = (int) Math.min(BATCH_ROWS, rowsLeft);
        if (batches[1] != null) batch = batch == batches[0] ? batches[1] : batches[0];
        batch.reset(n);
        for (int i = 0; i < columns.length; i++) {
            decoders[i].fill(batch, n);
            if (columns[i].type() == Column.Type.NAME) batch.setNames(columns[i], tables[i].names());
        }
        rowsLeft -= n;
        return batch;
    }

    private boolean nextRowGroup() throws IOException {
        PageReadStore rg = reader.readNextRowGroup();
        if (rg == null) return false;
        group++;
        long rows = rg.getRowCount();
        if (rows > ParquetSink.ROW_GROUP_ROWS * 4L) {
            throw new ParquetDecodingException("row group of " + rows + " rows is larger than any ccatrace writes");
        }
        for (int i = 0; i < columns.length; i++) decoders[i].start(rg.getPageReader(descs.get(i)));
        rowsLeft = rows;
        return true;
    }

    /** Skips whole row groups whose seq statistics end before fromSeq (unread row groups only). */
    @Override
    public void seek(long fromSeq) throws IOException {
        if (rowsLeft > 0) return;
        List<BlockMetaData> groups = reader.getRowGroups();
        while (group + 1 < groups.size()) {
            Long max = maxSeq(groups.get(group + 1));
            if (max == null || max >= fromSeq) return;
            reader.skipNextRowGroup();
            group++;
        }
    }

    private static Long maxSeq(BlockMetaData b) {
        for (ColumnChunkMetaData c : b.getColumns()) {
            String[] p = c.getPath().toArray();
            if (p.length == 1 && p[0].equals("seq")) {
                Statistics<?> st = c.getStatistics();
                if (st == null || !st.hasNonNullValue() || !(st.genericGetMax() instanceof Long)) return null;
                return (Long) st.genericGetMax();
            }
        }
        return null;
    }

    @Override
    public boolean doubleBuffer() {
        if (batches[1] == null) batches[1] = EventBatch.of(batch.columns());
        return true;
    }

    @Override
    public boolean complete() {
        return "true".equals(metadata().get(TraceMetadata.COMPLETE));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
