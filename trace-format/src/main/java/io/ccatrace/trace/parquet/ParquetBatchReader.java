package io.ccatrace.trace.parquet;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
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
    }

    @Override
    public TraceMetadata metadata() {
        return ParquetFooter.metadata(reader);
    }

    @Override
    public EventBatch next() throws IOException {
        PageReadStore rg = reader.readNextRowGroup();
        if (rg == null) return null;
        long rows = rg.getRowCount();
        if (rows > ParquetSink.ROW_GROUP_ROWS * 4L) {
            throw new ParquetDecodingException("row group of " + rows + " rows is larger than any ccatrace writes");
        }
        int n = (int) rows;
        batch.reset(n);
        GroupConverter root = new Root(columns, nameIds);
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(rg, root, projection, createdBy);
        List<ColumnDescriptor> descs = projection.getColumns();
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            ColumnReader cr = store.getColumnReader(descs.get(i));
            int maxDef = descs.get(i).getMaxDefinitionLevel();
            switch (c.type()) {
                case LONG:
                    readLongs(cr, maxDef, n, batch.fillLongs(c));
                    break;
                case INT:
                    readInts(cr, maxDef, n, batch.fillLongs(c));
                    break;
                default:
                    readNames(cr, maxDef, n, batch.fillIds(c), nameIds[i]);
                    if (c != Column.KIND) batch.setNames(c, nameIds[i].dictionary());
            }
        }
        return batch;
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

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Turns per-chunk dictionary ids and plain strings into ids of one growing dictionary. */
    private static final class NameIds extends PrimitiveConverter {
        private final Column column;
        private final HashMap<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private int[] chunkToId = new int[0];
        int last;

        NameIds(Column column) {
            this.column = column;
        }

        String[] dictionary() {
            return names.toArray(new String[0]);
        }

        private int id(String s) {
            if (column == Column.KIND) {
                try {
                    return EventKind.valueOf(s).ordinal();
                } catch (IllegalArgumentException e) {
                    throw new ParquetDecodingException("unknown kind \"" + s + "\"");
                }
            }
            Integer i = ids.get(s);
            if (i == null) {
                i = names.size();
                ids.put(s, i);
                names.add(s);
            }
            return i;
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
                converters[i] = name ? nameIds[i] : new PrimitiveConverter() { };
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

}
