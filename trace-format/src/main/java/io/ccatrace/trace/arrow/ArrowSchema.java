package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceMetadata;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow layout of {@link Column}: int64/int32/bool/binary columns, list&lt;int64&gt;
 * register lists, and names as int16 dictionary indices (dictionary id = column ordinal)
 * into utf8 dictionaries. Per-run constants go to the schema's custom metadata.
 */
final class ArrowSchema {
    static final ArrowType INDEX_TYPE = new ArrowType.Int(16, true);

    private ArrowSchema() {
    }

    static Schema schema(TraceMetadata metadata) {
        List<Field> fields = new ArrayList<>();
        for (Column c : Column.values()) fields.add(field(c));
        return new Schema(fields, metadata.asMap());
    }

    static Field field(Column c) {
        String n = c.columnName();
        boolean nl = c.nullable();
        switch (c.type()) {
            case LONG:
                return new Field(n, new FieldType(nl, new ArrowType.Int(64, true), null), null);
            case INT:
                return new Field(n, new FieldType(nl, new ArrowType.Int(32, true), null), null);
            case BOOL:
                return new Field(n, new FieldType(nl, ArrowType.Bool.INSTANCE, null), null);
            case KIND:
            case NAME:
                return new Field(n, new FieldType(nl, INDEX_TYPE, encoding(c)), null);
            case LONGS:
                Field item = new Field("item", new FieldType(false, new ArrowType.Int(64, true), null), null);
                return new Field(n, new FieldType(nl, ArrowType.List.INSTANCE, null), List.of(item));
            default:
                return new Field(n, new FieldType(nl, ArrowType.Binary.INSTANCE, null), null);
        }
    }

    static DictionaryEncoding encoding(Column c) {
        return new DictionaryEncoding(c.ordinal(), false, (ArrowType.Int) INDEX_TYPE);
    }

    /** The utf8 field of a name column's dictionary. */
    static Field dictionaryField(Column c) {
        return new Field(c.columnName() + "_names", new FieldType(false, ArrowType.Utf8.INSTANCE, null), null);
    }

    /** Null when the schema is ours, else what differs (first difference only). */
    static String mismatch(Schema s) {
        List<Field> got = s.getFields();
        Column[] cols = Column.values();
        if (got.size() != cols.length) {
            return "has " + got.size() + " columns, a ccatrace trace has " + cols.length;
        }
        for (int i = 0; i < cols.length; i++) {
            Field want = field(cols[i]);
            Field f = got.get(i);
            if (!want.getName().equals(f.getName()) || !want.getType().equals(f.getType())
                    || want.isNullable() != f.isNullable()
                    || !java.util.Objects.equals(want.getDictionary() == null ? null : want.getDictionary().getIndexType(),
                            f.getDictionary() == null ? null : f.getDictionary().getIndexType())
                    || !want.getChildren().stream().map(Field::getType).toList()
                            .equals(f.getChildren().stream().map(Field::getType).toList())) {
                return "column " + i + " is " + f + ", expected " + want;
            }
        }
        return null;
    }

}
