package io.ccatrace.trace.parquet;

import io.ccatrace.trace.RowSource;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;

/** Reads a ccatrace Parquet file row by row, one row group in memory at a time. */
public final class ParquetSource implements RowSource {
    private static final String[] END_KEYS = {
        TraceMetadata.EVENT_COUNT, TraceMetadata.COMPLETE, TraceMetadata.DIGEST, StorageDigest.KEY};

    private final ParquetFileReader reader;
    private final TraceMetadata header;
    private final TraceMetadata trailer;
    private final MessageColumnIO io = new ColumnIOFactory().getColumnIO(ParquetSchema.SCHEMA);
    private TraceMaterializer materializer;
    private RecordReader<TraceEvent> records;
    private long left;
    private byte[] checkpoint;

    public ParquetSource(Path path) throws IOException {
        reader = ParquetFooter.open(path);
        TraceMetadata all = ParquetFooter.metadata(reader);
        Map<String, String> head = new TreeMap<>(all.asMap());
        Map<String, String> end = new TreeMap<>();
        for (String k : END_KEYS) {
            String v = head.remove(k);
            if (v != null) end.put(k, v);
        }
        header = new TraceMetadata(head);
        trailer = new TraceMetadata(end);
    }

    @Override
    public TraceMetadata header() {
        return header;
    }

    @Override
    public boolean hasChain() {
        return true;
    }

    @Override
    public TraceEvent next() throws IOException {
        while (left == 0) {
            PageReadStore rg = reader.readNextRowGroup();
            if (rg == null) return null;
            left = rg.getRowCount();
            materializer = new TraceMaterializer();
            records = io.getRecordReader(rg, materializer);
        }
        left--;
        TraceEvent e = records.read();
        checkpoint = materializer.checkpoint();
        return e;
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint;
    }

    @Override
    public boolean complete() {
        return "true".equals(trailer.get(TraceMetadata.COMPLETE));
    }

    @Override
    public TraceMetadata trailer() {
        return trailer;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
