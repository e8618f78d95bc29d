package io.ccatrace.trace;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Batches built from a row reader: the projection path for formats without columns (JSONL). */
final class RowBatchReader implements BatchReader {
    private static final int ROWS = 65536;

    private final TraceReader rows;
    private final EventBatch batch;
    private final Map<Column, Map<String, Integer>> ids = new HashMap<>();

    RowBatchReader(TraceReader rows, Set<Column> columns) {
        this.rows = rows;
        this.batch = EventBatch.of(columns);
        for (Column c : columns) {
            if (c.type() == Column.Type.NAME) ids.put(c, new HashMap<>());
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
        while (n < ROWS && rows.hasNext()) {
            TraceEvent e = rows.next();
            for (Column c : batch.columns()) {
                switch (c.type()) {
                    case KIND:
                        batch.fillIds(c)[n] = e.kind().ordinal();
                        break;
                    case NAME:
                        String s = c.getName(e);
                        batch.fillIds(c)[n] = s == null ? -1 : ids.get(c).computeIfAbsent(s, k -> ids.get(c).size());
                        break;
                    default:
                        batch.fillLongs(c)[n] = c.getLong(e);
                }
            }
            n++;
        }
        batch.reset(n);
        for (Map.Entry<Column, Map<String, Integer>> d : ids.entrySet()) {
            String[] names = new String[d.getValue().size()];
            d.getValue().forEach((k, v) -> names[v] = k);
            batch.setNames(d.getKey(), names);
        }
        return batch;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
