package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.Arrays;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Assembles trace rows from Parquet's converter callbacks. Name columns decode their
 * dictionary once per column chunk, so a row costs no string decoding.
 */
final class TraceMaterializer extends RecordMaterializer<TraceEvent> {
    private static final Column[] COLUMNS = Column.values();

    private final long[] longs = new long[COLUMNS.length];
    private final String[] names = new String[COLUMNS.length];
    private final long[][] lists = new long[COLUMNS.length][];
    private final int[] listSizes = new int[COLUMNS.length];
    private final boolean[] listPresent = new boolean[COLUMNS.length];
    private byte[] payload;
    private byte[] checkpoint;
    private TraceEvent current;

    private final GroupConverter root = new GroupConverter() {
        private final Converter[] converters = converters();

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            Arrays.fill(longs, TraceEvent.NULL);
            Arrays.fill(names, null);
            Arrays.fill(listPresent, false);
            payload = null;
            checkpoint = null;
        }

        @Override
        public void end() {
            current = build();
        }
    };

    private Converter[] converters() {
        Converter[] cs = new Converter[COLUMNS.length];
        for (Column c : COLUMNS) {
            int i = c.ordinal();
            switch (c.type()) {
                case LONG:
                case INT:
                    cs[i] = new PrimitiveConverter() {
                        @Override
                        public void addLong(long v) {
                            longs[i] = v;
                        }

                        @Override
                        public void addInt(int v) {
                            longs[i] = v;
                        }
                    };
                    break;
                case KIND:
                case NAME:
                    cs[i] = new NameConverter(names, i);
                    break;
                case LONGS:
                    lists[i] = new long[8];
                    cs[i] = new ListConverter(i);
                    break;
                case BYTES:
                    cs[i] = new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary v) {
                            if (c == Column.CHAIN) checkpoint = v.getBytes(); else payload = v.getBytes();
                        }
                    };
                    break;
                default:
                    cs[i] = new PrimitiveConverter() {
                        @Override
                        public void addBoolean(boolean v) {
                        }
                    };
            }
        }
        return cs;
    }

    private TraceEvent build() {
        String k = names[Column.KIND.ordinal()];
        EventKind kind;
        try {
            kind = EventKind.valueOf(k);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ParquetDecodingException("unknown kind \"" + k + "\"");
        }
        TraceEvent.Builder b = TraceEvent.builder(longs[Column.SEQ.ordinal()], kind);
        for (int i = Column.TIME.ordinal(); i < COLUMNS.length; i++) {
            Column c = COLUMNS[i];
            switch (c.type()) {
                case LONG:
                case INT:
                    if (longs[i] != TraceEvent.NULL) c.setLong(b, longs[i]);
                    break;
                case NAME:
                    if (names[i] != null) c.setName(b, names[i]);
                    break;
                case LONGS:
                    if (listPresent[i]) c.setLongs(b, Arrays.copyOf(lists[i], listSizes[i]));
                    break;
                default:
                    break;
            }
        }
        return b.payload(payload).build();
    }

    /** The chain value of the row last assembled, or null. */
    byte[] checkpoint() {
        return checkpoint;
    }

    @Override
    public TraceEvent getCurrentRecord() {
        return current;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    /** A string column with dictionary support. */
    private static final class NameConverter extends PrimitiveConverter {
        private final String[] out;
        private final int i;
        private String[] dict = new String[0];

        NameConverter(String[] out, int i) {
            this.out = out;
            this.i = i;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dict = new String[d.getMaxId() + 1];
            for (int k = 0; k < dict.length; k++) dict[k] = d.decodeToBinary(k).toStringUsingUTF8().intern();
        }

        @Override
        public void addValueFromDictionary(int id) {
            if (id < 0 || id >= dict.length) throw new ParquetDecodingException("dictionary id " + id + " out of range");
            out[i] = dict[id];
        }

        @Override
        public void addBinary(Binary v) {
            out[i] = v.toStringUsingUTF8().intern();
        }
    }

    /** LIST&lt;int64&gt;: group (list) of repeated group (element). */
    private final class ListConverter extends GroupConverter {
        private final int i;
        private final GroupConverter element;

        ListConverter(int i) {
            this.i = i;
            PrimitiveConverter value = new PrimitiveConverter() {
                @Override
                public void addLong(long v) {
                    long[] a = lists[i];
                    int n = listSizes[i];
                    if (n == a.length) lists[i] = a = Arrays.copyOf(a, n * 2);
                    a[n] = v;
                    listSizes[i] = n + 1;
                }
            };
            element = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return value;
                }

                @Override
                public void start() {
                }

                @Override
                public void end() {
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element;
        }

        @Override
        public void start() {
            listPresent[i] = true;
            listSizes[i] = 0;
        }

        @Override
        public void end() {
        }
    }
}
