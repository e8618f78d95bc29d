package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet layout of {@link Column}: int64/int32/boolean, names as dictionary-encoded
 * UTF8 strings, register lists as standard 3-level LISTs of int64, bytes as binary.
 */
final class ParquetSchema {
    static final String NAME = "ccatrace_event";
    static final MessageType SCHEMA = build();

    private ParquetSchema() {
    }

    private static MessageType build() {
        List<Type> fields = new ArrayList<>();
        for (Column c : Column.values()) fields.add(field(c));
        return new MessageType(NAME, fields);
    }

    private static Type field(Column c) {
        Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        String n = c.columnName();
        switch (c.type()) {
            case LONG:
                return Types.primitive(PrimitiveTypeName.INT64, rep).named(n);
            case INT:
                return Types.primitive(PrimitiveTypeName.INT32, rep).named(n);
            case BOOL:
                return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(n);
            case KIND:
            case NAME:
                return Types.primitive(PrimitiveTypeName.BINARY, rep)
                        .as(LogicalTypeAnnotation.stringType()).named(n);
            case LONGS:
                return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                        .repeatedGroup().required(PrimitiveTypeName.INT64).named("element")
                        .named("list").named(n);
            default:
                return Types.primitive(PrimitiveTypeName.BINARY, rep).named(n);
        }
    }

    /** Null when the file's schema is ours, else the first difference. */
    static String mismatch(MessageType got) {
        List<Type> want = SCHEMA.getFields();
        List<Type> have = got.getFields();
        if (want.size() != have.size()) {
            return "has " + have.size() + " columns, a ccatrace trace has " + want.size();
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).equals(have.get(i))) {
                return "column " + i + " is " + have.get(i) + ", expected " + want.get(i);
            }
        }
        return null;
    }
}
