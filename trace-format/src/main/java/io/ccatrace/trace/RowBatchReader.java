package io.ccatrace.trace;

import java.io.IOException;
import java.util.Set;

/** Batches built from a row reader: the projection path for formats without columns (JSONL). */
final class RowBatchReader implements BatchReader {
    private static final int ROWS = 65536;

    private final VerifyingReader rows;
    private final EventBatch batch;
    private final NameTable[] names = new NameTable[Column.values().length];

    RowBatchReader(VerifyingReader rows, Set<Column> columns) {
        this.rows = rows;
        this.batch = EventBatch.of(columns);
        for (Column c : columns) {
            if (c.type() == Column.Type.NAME) names[c.ordinal()] = new NameTable();
        }
    }

    @Override
    public TraceMetadata metadata() {
        return rows.metadata();
    }

    @Override
    public EventBatch next() throws IOException {
        if (!rows.hasNext()) return null;
        batch.reset(ROWS);
        int n = 0;
        int[] ends = new int[Column.values().length];
        while (n < ROWS && rows.hasNext()) {
            TraceEvent e = rows.next();
            for (Column c : batch.projected()) {
                int i = c.ordinal();
                switch (c.type()) {
                    case KIND:
                        batch.fillIds(c)[n] = e.kind().ordinal();
                        break;
                    case NAME:
                        String s = c.getName(e);
                        batch.fillIds(c)[n] = s == null ? -1 : names[i].id(s);
                        break;
                    case BOOL:
                        batch.fillBools(c)[n] = e.isInput();
                        break;
                    case LONGS:
                        long[] l = c.getLongs(e);
                        batch.fillNulls(c)[n] = l == null;
                        if (l != null) {
                            System.arraycopy(l, 0, batch.fillListValues(c, ends[i] + l.length), ends[i], l.length);
                            ends[i] += l.length;
                        }
                        batch.fillOffsets(c)[n + 1] = ends[i];
                        break;
                    case BYTES:
                        byte[] b = c == Column.PAYLOAD ? e.payload() : null;
                        batch.fillNulls(c)[n] = b == null;
                        if (b != null) {
                            System.arraycopy(b, 0, batch.fillBytes(c, ends[i] + b.length), ends[i], b.length);
                            ends[i] += b.length;
                        }
                        batch.fillOffsets(c)[n + 1] = ends[i];
                        break;
                    default:
                        batch.fillLongs(c)[n] = c.getLong(e);
                }
            }
            n++;
        }
        batch.reset(n);
        for (Column c : batch.projected()) {
            if (c.type() == Column.Type.NAME) batch.setNames(c, names[c.ordinal()].names());
            if (c.type() == Column.Type.LONGS || c.type() == Column.Type.BYTES) batch.fillOffsets(c)[0] = 0;
        }
        return batch;
    }

    @Override
    public boolean complete() {
        return rows.complete();
    }

    @Override
    public String chainBreak() {
        return rows.chainBreak();
    }

    @Override
    public String computedDigest() {
        return rows.computedDigest();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
