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
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Projected columns of a Parquet trace: only the requested column chunks are read, and each
 * row group is returned in slices of {@link #BATCH_ROWS} rows (or as many as asked), decoded page by page in bulk
 * by {@link PageColumn} (not value by value through parquet-java's record assembly).
 *
 * <p>With more than one thread, the columns of a batch are decoded in parallel
 * ({@link ColumnPool}) and the next batch is decoded while the caller works on the one
 * returned, in one more batch object; the batches and their values are the same as with one
 * thread, and so is the first error a corrupt file gives.
 */
public final class ParquetBatchReader implements BatchReader {
    /** Rows per batch: a row group is read in slices, so memory stays at one slice of every column. */
    public static final int BATCH_ROWS = 1 << 16;

    private final ParquetFileReader reader;
    /** The page and chunk array pools, given back for the next reader when this one closes. */
    private final ReadBuffers buffers;
    private final int batchRows;
    private EventBatch[] batches;
    private EventBatch batch;
    private final ColumnPool pool;
    private int turn;
    /** The batch being decoded ahead (parallel mode), or null. */
    private EventBatch ahead;
    /** A failure met while starting the batch ahead, reported by the next call of next(). */
    private Exception aheadError;
    private final Column[] columns;
    private final List<ColumnDescriptor> descs;
    private final PageColumn[] decoders;
    private final NameTable[] tables;
    /** Whether a column's next page may be read ahead of its use ({@link #eagerPages}). */
    private final boolean eagerPages;
    private long rowsLeft;
    private int group = -1;
    /**
     * The row group being decoded; closed once the next one starts (every row of it decoded,
     * so every page of it read and, for ZSTD, decompressed): its chunk arrays go back to the
     * footer's {@link ChunkBuffers}.
     */
    private PageReadStore current;
    /** The next row group, read by {@link #lookAhead} before the current one ended (null: not yet). */
    private PageReadStore nextGroup;
    /** The next row group's chunk readers, as its columns were prepared ahead (null: none asked yet). */
    private PageReader[] nextReaders;
    /** Whether the next row group's chunks cannot be prepared ahead (its reader failed to give them). */
    private boolean noChunksAhead;
    /** Whether {@link #lookAhead} found no row group after the current one. */
    private boolean groupsEnd;
    /** What reading the next row group ahead threw, for the next() that needs that group. */
    private Throwable groupError;

    public ParquetBatchReader(Path path, Set<Column> wanted) throws IOException {
        this(path, wanted, 1);
    }

    /** As {@link #ParquetBatchReader(Path, Set)}, decoding on threads threads (the caller's included). */
    public ParquetBatchReader(Path path, Set<Column> wanted, int threads) throws IOException {
        this(path, wanted, threads, BATCH_ROWS);
    }

    /**
     * As {@link #ParquetBatchReader(Path, Set, int)}, in batches of at most batchRows rows
     * (positive). Values and their order do not depend on it; a consumer that reads many
     * columns row by row wants batches that stay in the cache, a bulk consumer large ones.
     */
    public ParquetBatchReader(Path path, Set<Column> wanted, int threads, int batchRows) throws IOException {
        if (batchRows < 1) throw new IllegalArgumentException("batch rows must be positive, not " + batchRows);
        this.batchRows = batchRows;
        org.apache.parquet.conf.PlainParquetConfiguration conf = new org.apache.parquet.conf.PlainParquetConfiguration();
        buffers = ReadBuffers.take();
        ZstdPageCodecs codecs = new ZstdPageCodecs(conf, buffers.pages);
        reader = ParquetFooter.open(path, conf, codecs, buffers.chunks);
        eagerPages = eagerPages(reader.getRowGroups());
        batch = buffers.batch(wanted);
        batches = new EventBatch[] {batch};
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
            decoders[i] = new PageColumn(descs.get(i), columns[i], tables[i], codecs.buffers);
        }
        if (threads > 1 && columns.length > 1) {
            pool = new ColumnPool(decoders, threads - 1);
            batches = new EventBatch[] {batch, buffers.batch(wanted)};
        } else {
            pool = null;
        }
    }

    /**
     * Hands the optional LONG, INT and NAME columns over sparsely from the next batch on
     * ({@link EventBatch#isSparse}): a presence bitmap and the present rows' values instead of
     * row-indexed arrays with null cells. Values do not change ({@link EventBatch#longs} and
     * {@link EventBatch#ids} expand them on demand); a consumer reading rows through the sparse
     * form saves the reader the null fills and itself the cache lines of the null cells.
     */
    public ParquetBatchReader sparse() {
        for (PageColumn d : decoders) d.sparse(true);
        return this;
    }

    /** Hands the columns of {@code which} over sparsely from the next batch on, as {@link #sparse()} and {@link #sparseSpans()} do for every column (only those that can be). */
    public ParquetBatchReader sparse(java.util.Set<Column> which) {
        for (PageColumn d : decoders) {
            if (!which.contains(d.column())) continue;
            d.sparse(true);
            d.sparseSpans(true);
        }
        return this;
    }

    /**
     * Hands the list columns and the optional BYTES columns over sparsely from the next batch
     * on ({@link EventBatch#isSparse}): a presence bitmap and the boundaries of the rows with a
     * value instead of a boundary and a null flag per row. Values do not change
     * ({@link EventBatch#offsets}, {@link EventBatch#nulls} and {@link EventBatch#starts}
     * expand them on demand); a consumer reading rows through the sparse form saves the cache
     * lines of the rows without a list or payload (most rows).
     */
    public ParquetBatchReader sparseSpans() {
        for (PageColumn d : decoders) d.sparseSpans(true);
        return this;
    }

    @Override
    public TraceMetadata metadata() {
        return ParquetFooter.metadata(reader);
    }

    @Override
    public EventBatch next() throws IOException {
        if (pool != null) return nextParallel();
        while (rowsLeft == 0) {
            if (!nextRowGroup()) return null;
        }
        int n = (int) Math.min(batchRows, rowsLeft);
        batch = batches[turn];
        turn = (turn + 1) % batches.length;
        batch.reset(n);
        for (int i = 0; i < columns.length; i++) decoders[i].fill(batch, n);
        names(batch);
        rowsLeft -= n;
        return batch;
    }

    private void names(EventBatch b) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].type() == Column.Type.NAME) b.setNames(columns[i], tables[i].names());
        }
    }

    /** Finishes the batch decoded ahead, starts the one after it, and returns the first. */
    private EventBatch nextParallel() throws IOException {
        if (ahead == null && aheadError == null) startAhead();
        if (aheadError != null) {
            Exception e = aheadError;
            aheadError = null;
            if (e instanceof IOException) throw (IOException) e;
            throw (RuntimeException) e;
        }
        if (ahead == null) return null;
        pool.finish();
        EventBatch b = ahead;
        names(b);
        ahead = null;
        try {
            startAhead();
        } catch (IOException | RuntimeException e) {
            aheadError = e;
        }
        return b;
    }

    /** Starts decoding the next batch on the pool, in the batch object used longest ago. */
    private void startAhead() throws IOException {
        while (rowsLeft == 0) {
            if (!nextRowGroup()) return;
        }
        int n = (int) Math.min(batchRows, rowsLeft);
        EventBatch b = batches[turn];
        turn = (turn + 1) % batches.length;
        b.reset(n);
        rowsLeft -= n;
        pool.start(b, n);
        ahead = b;
    }

    private boolean nextRowGroup() throws IOException {
        PageReadStore rg;
        if (groupError != null) {
            Throwable t = groupError;
            groupError = null;
            throw rethrow(t);
        } else if (nextGroup != null) {
            rg = nextGroup;
            nextGroup = null;
        } else {
            nextReaders = null;
            rg = groupsEnd ? null : reader.readNextRowGroup();
        }
        closeGroup();
        if (rg == null) return false;
        current = rg;
        group++;
        long rows = rg.getRowCount();
        if (rows > ParquetSink.ROW_GROUP_ROWS * 4L) {
            throw new ParquetDecodingException("row group of " + rows + " rows is larger than any ccatrace writes");
        }
        PageReader[] ahead = nextReaders;
        nextReaders = null;
        noChunksAhead = false;
        for (int i = 0; i < columns.length; i++) {
            decoders[i].start(ahead != null ? ahead[i] : rg.getPageReader(descs.get(i)), eagerPages);
        }
        rowsLeft = rows;
        return true;
    }

    /**
     * Whether pages may be read before the previous page is decoded: when every chunk is ZSTD
     * (this package's codec decompresses a page at once into an array of its own) or
     * uncompressed; another codec's decompressor may stream lazily from state it reuses.
     */
    private static boolean eagerPages(List<BlockMetaData> groups) {
        for (BlockMetaData b : groups) {
            for (ColumnChunkMetaData c : b.getColumns()) {
                CompressionCodecName codec = c.getCodec();
                if (codec != CompressionCodecName.ZSTD && codec != CompressionCodecName.UNCOMPRESSED) return false;
            }
        }
        return true;
    }

    /**
     * One piece of later work, on the calling thread (one reader, no column pool): a column's
     * next page of the current row group decoded (each column one page ahead at most), else
     * the next row group's column chunks read, else a column's dictionary and first page of
     * that row group. Our writer's pages of sparse columns hold up to a whole row group of
     * rows, so without this the first batch of a row group decoded all of them at once.
     * What it throws is kept for the next() that needs that work.
     */
    @Override
    public boolean lookAhead() {
        if (pool != null || group < 0) return false;
        for (PageColumn d : decoders) {
            if (d.lookAhead()) return true;
        }
        if (groupsEnd || groupError != null || noChunksAhead) return false;
        if (nextGroup == null) {
            try {
                nextGroup = reader.readNextRowGroup();
                groupsEnd = nextGroup == null;
            } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                groupError = e;
            }
            return true;
        }
        if (nextReaders == null) {
            PageReader[] r = new PageReader[columns.length];
            try {
                for (int i = 0; i < r.length; i++) r[i] = nextGroup.getPageReader(descs.get(i));
            } catch (RuntimeException e) {
                // asked again when the row group starts, which then fails as without look-ahead
                noChunksAhead = true;
                return false;
            }
            nextReaders = r;
        }
        for (int i = 0; i < columns.length; i++) {
            if (decoders[i].lookAheadChunk(nextReaders[i])) return true;
        }
        return false;
    }

    private void closeGroup() {
        if (current == null) return;
        PageReadStore g = current;
        current = null;
        g.close();
    }

    static IOException rethrow(Throwable t) {
        if (t instanceof IOException) return (IOException) t;
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        throw (Error) t;
    }

    /** Skips whole row groups whose seq statistics end before fromSeq (unread row groups only). */
    @Override
    public void seek(long fromSeq) throws IOException {
        if (rowsLeft > 0 || ahead != null || nextGroup != null || groupsEnd || groupError != null) return;
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
        return keep(2) >= 2;
    }

    /**
     * Cycles through n batch objects (n + 1 with a column pool: one more is being decoded
     * ahead). New objects are put first in the cycle, then the ones in use from the least
     * recently filled on, so the batch returned last is refilled last, also when called
     * between two next() calls.
     */
    @Override
    public int keep(int n) {
        int want = pool == null ? n : n + 1;
        if (want > batches.length) {
            EventBatch[] ring = new EventBatch[want];
            int fresh = want - batches.length;
            for (int i = 0; i < fresh; i++) ring[i] = buffers.batch(batch.columns());
            for (int i = 0; i < batches.length; i++) ring[fresh + i] = batches[(turn + i) % batches.length];
            batches = ring;
            turn = 0;
        }
        return pool == null ? batches.length : batches.length - 1;
    }

    @Override
    public boolean complete() {
        return "true".equals(metadata().get(TraceMetadata.COMPLETE));
    }

    @Override
    public void close() throws IOException {
        try {
            if (pool != null) pool.close();
        } finally {
            try {
                closeGroup();
            } finally {
                reader.close();
                // a projected cursor's small batches are kept for the next reader; a full read's
                // 65,536-row batches of every column (several MB each) are not held past close
                buffers.giveBack(batchRows <= ReadBuffers.KEPT_BATCH_ROWS ? batches : new EventBatch[0]);
            }
        }
    }
}
