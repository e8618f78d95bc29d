package io.ccatrace.trace.parquet;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Projected columns of a Parquet trace, one row group per batch: only the requested column
 * chunks are read, and values go from Parquet's column readers straight into arrays.
 */
public final class ParquetBatchReader implements BatchReader {

    private final ParquetFileReader reader;
    private final EventBatch batch;
    private final MessageType projection;
    private final Column[] columns;
    private final NameIds[] nameIds;
    private final String createdBy;
    private final ColumnReader[] readers;
    private final int[] maxDefs;
    private final long[] valuesLeft;
    private long rowsLeft;
    private int group = -1;

    /** Rows per batch: a row group is read in slices, so memory stays at one slice of every column. */
    static final int BATCH_ROWS = 1 << 16;

    public ParquetBatchReader(Path path, Set<Column> wanted) throws IOException {
        reader = ParquetFooter.open(path);
        batch = EventBatch.of(wanted);
        List<Type> fields = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        for (Column c : Column.values()) {
            if (wanted.contains(c)) {
                fields.add(ParquetSchema.SCHEMA.getType(c.columnName()));
                cols.add(c);
            }
        }
        columns = cols.toArray(new Column[0]);
        projection = new MessageType(ParquetSchema.NAME, fields);
        reader.setRequestedSchema(projection);
        nameIds = new NameIds[columns.length];
        for (int i = 0; i < columns.length; i++) nameIds[i] = new NameIds(columns[i]);
        createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        readers = new ColumnReader[columns.length];
        maxDefs = new int[columns.length];
        valuesLeft = new long[columns.length];
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
        batch.reset(n);
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            ColumnReader cr = readers[i];
            int maxDef = maxDefs[i];
            switch (c.type()) {
                case LONG:
                    readLongs(cr, maxDef, n, batch.fillLongs(c));
                    break;
                case INT:
                    readInts(cr, maxDef, n, batch.fillLongs(c));
                    break;
                case BOOL:
                    readBools(cr, n, batch.fillBools(c));
                    break;
                case LONGS:
                    readLists(i, c, n);
                    break;
                case BYTES:
                    readBytes(cr, maxDef, c, n);
                    break;
                default:
                    readNames(cr, maxDef, n, batch.fillIds(c), nameIds[i]);
                    if (c != Column.KIND) batch.setNames(c, nameIds[i].dictionary());
            }
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
        GroupConverter root = new Root(columns, nameIds);
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(rg, root, projection, createdBy);
        List<ColumnDescriptor> descs = projection.getColumns();
        for (int i = 0; i < columns.length; i++) {
            readers[i] = store.getColumnReader(descs.get(i));
            maxDefs[i] = descs.get(i).getMaxDefinitionLevel();
            valuesLeft[i] = readers[i].getTotalValueCount();
        }
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
            if (c.getPath().size() == 1 && c.getPath().toArray()[0].equals("seq")) {
                Statistics<?> st = c.getStatistics();
                if (st == null || !st.hasNonNullValue() || !(st.genericGetMax() instanceof Long)) return null;
                return (Long) st.genericGetMax();
            }
        }
        return null;
    }

    @Override
    public boolean complete() {
        return "true".equals(metadata().get(TraceMetadata.COMPLETE));
    }

    private static void readLongs(ColumnReader cr, int maxDef, int n, long[] out) {
        for (int r = 0; r < n; r++) {
            out[r] = cr.getCurrentDefinitionLevel() == maxDef ? cr.getLong() : TraceEvent.NULL;
            cr.consume();
        }
    }

    private static void readInts(ColumnReader cr, int maxDef, int n, long[] out) {
        for (int r = 0; r < n; r++) {
            out[r] = cr.getCurrentDefinitionLevel() == maxDef ? cr.getInteger() : TraceEvent.NULL;
            cr.consume();
        }
    }

    private static void readBools(ColumnReader cr, int n, boolean[] out) {
        for (int r = 0; r < n; r++) {
            out[r] = cr.getBoolean();
            cr.consume();
        }
    }

    private void readBytes(ColumnReader cr, int maxDef, Column c, int n) {
        int[] off = batch.fillOffsets(c);
        boolean[] nulls = batch.fillNulls(c);
        int end = 0;
        off[0] = 0;
        for (int r = 0; r < n; r++) {
            boolean present = cr.getCurrentDefinitionLevel() == maxDef;
            nulls[r] = !present;
            if (present) {
                Binary v = cr.getBinary();
                int len = v.length();
                byte[] out = batch.fillBytes(c, end + len);
                v.toByteBuffer().get(out, end, len);
                end += len;
            }
            cr.consume();
            off[r + 1] = end;
        }
    }

    private static void readNames(ColumnReader cr, int maxDef, int n, int[] out, NameIds ids) {
        for (int r = 0; r < n; r++) {
            if (cr.getCurrentDefinitionLevel() == maxDef) {
                cr.writeCurrentValueToConverter();
                out[r] = ids.last;
            } else {
                out[r] = -1;
            }
            cr.consume();
        }
    }

    /** n rows of a 3-level LIST column: def 0 = null list, 1 = empty, 2 = an element. */
    private void readLists(int i, Column c, int n) {
        ColumnReader cr = readers[i];
        int[] off = batch.fillOffsets(c);
        boolean[] nulls = batch.fillNulls(c);
        int maxDef = maxDefs[i];
        int end = 0;
        off[0] = 0;
        for (int r = 0; r < n; r++) {
            if (valuesLeft[i] <= 0) throw new ParquetDecodingException(c.columnName() + " has fewer rows than the row group");
            int def = cr.getCurrentDefinitionLevel();
            nulls[r] = def == 0;
            if (def < maxDef) {
                cr.consume();
                valuesLeft[i]--;
            } else {
                do {
                    long[] out = batch.fillListValues(c, end + 1);
                    out[end++] = cr.getLong();
                    cr.consume();
                    valuesLeft[i]--;
                } while (valuesLeft[i] > 0 && cr.getCurrentRepetitionLevel() > 0);
            }
            off[r + 1] = end;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Turns per-chunk dictionary ids and plain strings into ids of one growing dictionary. */
    private static final class NameIds extends PrimitiveConverter {
        private final Column column;
        private final NameTable table = new NameTable();
        private int[] chunkToId = new int[0];
        int last;

        NameIds(Column column) {
            this.column = column;
        }

        String[] dictionary() {
            return table.names();
        }

        private int id(String s) {
            if (column == Column.KIND) {
                try {
                    return EventKind.valueOf(s).ordinal();
                } catch (IllegalArgumentException e) {
                    throw new ParquetDecodingException("unknown kind \"" + s + "\"");
                }
            }
            return table.id(s);
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            chunkToId = new int[d.getMaxId() + 1];
            for (int k = 0; k < chunkToId.length; k++) chunkToId[k] = id(d.decodeToBinary(k).toStringUsingUTF8());
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            if (dictionaryId < 0 || dictionaryId >= chunkToId.length) {
                throw new ParquetDecodingException("dictionary id " + dictionaryId + " out of range");
            }
            last = chunkToId[dictionaryId];
        }

        @Override
        public void addBinary(Binary value) {
            last = id(value.toStringUsingUTF8());
        }
    }

    /** Root converter of the projection: one converter per projected column. */
    private static final class Root extends GroupConverter {
        private final Converter[] converters;

        Root(Column[] columns, NameIds[] nameIds) {
            converters = new Converter[nameIds.length];
            for (int i = 0; i < nameIds.length; i++) {
                boolean name = columns[i].type() == Column.Type.NAME || columns[i].type() == Column.Type.KIND;
                if (columns[i].type() == Column.Type.LONGS) {
                    converters[i] = new Group(new Group(new PrimitiveConverter() { }));
                } else {
                    converters[i] = name ? nameIds[i] : new PrimitiveConverter() { };
                }
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }


    /** A group level of a LIST column on the way to its element converter. */
    private static final class Group extends GroupConverter {
        private final Converter child;

        Group(Converter child) {
            this.child = child;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return child;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
