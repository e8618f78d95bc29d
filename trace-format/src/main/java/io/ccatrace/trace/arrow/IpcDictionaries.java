package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.NameTable;
import io.ccatrace.trace.TraceFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * The name dictionaries of an Arrow stream as its dictionary batches install them (a delta
 * batch appends to its column's dictionary), each entry mapped to the reader's id for the
 * name ({@link NameTable}, one per name column) or, for kind, to the kind's ordinal; every
 * offset and length checked against the batch's body.
 */
final class IpcDictionaries {
    private static final Column[] COLUMNS = Column.values();
    private static final int N = COLUMNS.length;

    private final String file;
    private final String[][] dicts = new String[N][];
    private final int[][] ids = new int[N][];
    private final NameTable[] tables = new NameTable[N];
    private final Buffer buf = new Buffer();
    private final FieldNode node = new FieldNode();

    IpcDictionaries(String file) {
        this.file = file;
        for (Column c : COLUMNS) {
            if (c.type() == Column.Type.NAME) tables[c.ordinal()] = new NameTable();
        }
    }

    /** Name column c's names by the reader's id (the array given to a batch). */
    String[] names(Column c) {
        return tables[c.ordinal()].names();
    }

    /** Column c's dictionary index -> the reader's id (-1: a null entry), or null before its dictionary came. */
    int[] ids(Column c) {
        return ids[c.ordinal()];
    }

    private TraceFormatException corrupt(String what) {
        return new TraceFormatException(file + ": corrupt Arrow record batch: " + what);
    }

    /** Installs a dictionary batch (its whole body in b) for its name column. */
    void install(DictionaryBatch d, ByteBuffer b) throws TraceFormatException {
        long id = d.id();
        if (id < 0 || id >= N || (COLUMNS[(int) id].type() != Column.Type.NAME && COLUMNS[(int) id].type() != Column.Type.KIND)) {
            throw new TraceFormatException(file + ": dictionary id " + id + " is not a name column");
        }
        Column c = COLUMNS[(int) id];
        RecordBatch rb = d.data();
        if (rb == null || rb.nodesLength() < 1 || rb.buffersLength() < 3) {
            throw new TraceFormatException(file + ": name dictionary missing or not utf8");
        }
        if (rb.compression() != null && rb.compression().codec() != CompressionType.LZ4_FRAME) {
            throw new TraceFormatException(file + ": name dictionary compressed with codec " + rb.compression().codec());
        }
        rb.nodes(node, 0);
        long k = node.length();
        if (k < 0 || k > b.capacity()) throw corrupt("dictionary of " + k + " names");
        long[] bs = new long[6];
        for (int i = 0; i < 3; i++) {
            rb.buffers(buf, i);
            if (buf.offset() < 0 || buf.length() < 0 || buf.offset() + buf.length() > b.capacity()) {
                throw corrupt("dictionary buffer " + i + " lies outside the body");
            }
            bs[2 * i] = buf.offset();
            bs[2 * i + 1] = buf.length();
        }
        if (rb.compression() != null) b = Lz4Buffers.unpackAll(file, b, bs);
        int size = (int) k;
        if (bs[3] < 4L * (size + 1)) throw corrupt("dictionary offsets too short");
        ByteBuffer offs = b.slice((int) bs[2], 4 * (size + 1)).order(ByteOrder.LITTLE_ENDIAN);
        String[] old = d.isDelta() && dicts[c.ordinal()] != null ? dicts[c.ordinal()] : new String[0];
        String[] names = Arrays.copyOf(old, old.length + size);
        byte[] tmp = new byte[64];
        for (int i = 0; i < size; i++) {
            int s = offs.getInt(4 * i);
            int e = offs.getInt(4 * i + 4);
            if (s < 0 || e < s || e > bs[5]) throw corrupt("dictionary offsets outside its data");
            boolean isNull = node.nullCount() > 0 && bs[1] > i / 8
                    && (b.get((int) bs[0] + i / 8) & (1 << (i & 7))) == 0;
            if (isNull) continue;
            if (tmp.length < e - s) tmp = new byte[e - s];
            b.get((int) bs[4] + s, tmp, 0, e - s);
            names[old.length + i] = new String(tmp, 0, e - s, StandardCharsets.UTF_8).intern();
        }
        dicts[c.ordinal()] = names;
        int[] idsOf = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                idsOf[i] = -1;
            } else if (c == Column.KIND) {
                idsOf[i] = kindOrdinal(names[i]);
            } else {
                idsOf[i] = tables[c.ordinal()].id(names[i]);
            }
        }
        ids[c.ordinal()] = idsOf;
    }

    private int kindOrdinal(String name) throws TraceFormatException {
        try {
            return EventKind.valueOf(name).ordinal();
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(file + ": unknown kind \"" + name + "\"");
        }
    }
}
