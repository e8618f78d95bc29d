package io.ccatrace.trace;

import io.ccatrace.trace.arrow.ArrowBatchReader;
import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.arrow.ArrowStreamSource;
import io.ccatrace.trace.jsonl.JsonlSink;
import io.ccatrace.trace.jsonl.JsonlSource;
import io.ccatrace.trace.parquet.ParquetBatchReader;
import io.ccatrace.trace.parquet.ParquetSink;
import io.ccatrace.trace.parquet.ParquetSource;
import io.ccatrace.trace.parquet.StorageDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.arrow.memory.RootAllocator;

/**
 * Entry point to trace files: {@link #open} and {@link #create} choose the format by file
 * extension (.arrows, .parquet, .jsonl). Readers verify the integrity chain as they go and
 * send warnings (broken chain, unfinished recording) to a warning sink, stderr by default.
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    /** Opens a trace for reading; warnings go to stderr. */
    public static TraceReader open(Path path) throws IOException {
        return open(path, w -> System.err.println("ccatrace: warning: " + w));
    }

    /** Opens a trace for reading; warnings go to the given sink (each at most once). */
    public static VerifyingReader open(Path path, Consumer<String> warnings) throws IOException {
        TraceFormat f = TraceFormat.of(path);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path + (Files.isDirectory(path) ? ": is a directory, not a trace file" : ": no such trace file"));
        }
        RowSource src = openSource(f, path);
        try {
            checkVersion(path, f, src.header());
        } catch (TraceFormatException e) {
            src.close();
            throw e;
        }
        return new VerifyingReader(src, path.toString(), warnings);
    }

    /**
     * Opens a trace's events as objects, read the fastest way that checks the event chain: an
     * Arrow or Parquet trace by a read-ahead cursor over every column (decoded on a reader
     * thread, the chain recomputed on a checker thread; several times faster than the row
     * reader of {@link #open(Path, Consumer)}, which builds each event from parquet-java's
     * records), a JSONL trace by its row reader. Same events and warnings; from a damaged file
     * the same rows and error too, the row reader taking over where the batch decoders refuse
     * (see {@link CursorEvents}).
     */
    public static TraceReader openEvents(Path path, Consumer<String> warnings) throws IOException {
        if (TraceFormat.of(path) == TraceFormat.JSONL) return open(path, warnings);
        return new CursorEvents(path, warnings);
    }

    /**
     * Reads any file as JSONL in the dump form (the import path): a plain dump, or a JSONL
     * trace with its metadata line.
     */
    public static VerifyingReader openJsonl(Path path, Consumer<String> warnings) throws IOException {
        return openJsonl(path, warnings, null);
    }

    /**
     * As {@link #openJsonl(Path, Consumer)}, refusing (with the line number) the first row that
     * breaks constraints (null: none checked) and a metadata line of a newer format.
     */
    public static VerifyingReader openJsonl(Path path, Consumer<String> warnings, RowConstraints constraints)
            throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path + (Files.isDirectory(path) ? ": is a directory" : ": no such file"));
        }
        RowSource src = new JsonlSource(path, constraints);
        try {
            checkVersion(path, TraceFormat.JSONL, src.header());
        } catch (TraceFormatException e) {
            src.close();
            throw e;
        }
        return new VerifyingReader(src, path.toString(), warnings);
    }

    private static RowSource openSource(TraceFormat f, Path path) throws IOException {
        try {
            switch (f) {
                case JSONL:
                    return new JsonlSource(path);
                case ARROW_STREAM:
                    long limit = (64L << 20) + 2 * Files.size(path);
                    return new ArrowStreamSource(path, new RootAllocator(limit));
                default:
                    return new ParquetSource(path);
            }
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new TraceFormatException(path + ": not a readable trace: " + VerifyingReader.describe(e), e);
        }
    }

    /**
     * Opens the fast columnar read path: batches of the given columns as primitive arrays
     * (see {@link EventBatch}). Does not check the integrity chain.
     */
    public static BatchReader openColumns(Path path, Set<Column> columns) throws IOException {
        return openColumns(path, columns, w -> System.err.println("ccatrace: warning: " + w));
    }

    /**
     * As {@link #openColumns(Path, Set)}, decoding a Parquet trace's columns on up to threads
     * threads (the caller's included; batches and values are the same as with one). The batch
     * returned stays unchanged until the next call of next(), as with one thread.
     */
    public static BatchReader openColumns(Path path, Set<Column> columns, int threads) throws IOException {
        return openColumnsOn(path, columns, w -> System.err.println("ccatrace: warning: " + w), threads);
    }

    /** As {@link #openColumns(Path, Set)}; warnings of the JSONL row path go to the sink. */
    static BatchReader openColumns(Path path, Set<Column> columns, Consumer<String> warnings) throws IOException {
        return openColumnsOn(path, columns, warnings, 1);
    }

    private static BatchReader openColumnsOn(Path path, Set<Column> columns, Consumer<String> warnings, int threads)
            throws IOException {
        return openColumns(path, columns, warnings, threads, ParquetBatchReader.BATCH_ROWS, Set.of());
    }

    /** A Parquet reader hands sparse's optional scalar, list and payload columns over sparsely ({@link EventBatch#isSparse}). */
    private static BatchReader openColumns(Path path, Set<Column> columns, Consumer<String> warnings, int threads,
                                           int parquetBatchRows, Set<Column> sparse) throws IOException {
        TraceFormat f = TraceFormat.of(path);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path + (Files.isDirectory(path) ? ": is a directory, not a trace file" : ": no such trace file"));
        }
        try {
            switch (f) {
                case ARROW_STREAM:
                    return new GuardedBatchReader(new ArrowBatchReader(path, columns).sparse(sparse), path.toString());
                case PARQUET:
                    ParquetBatchReader pr = new ParquetBatchReader(path, columns, threads, parquetBatchRows);
                    return new GuardedBatchReader(pr.sparse(sparse), path.toString());
                default:
                    return new GuardedBatchReader(new RowBatchReader(open(path, warnings), columns), path.toString());
            }
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new TraceFormatException(path + ": not a readable trace: " + VerifyingReader.describe(e), e);
        }
    }

    /**
     * Rows per Parquet batch of a projected cursor (analyze): its consumer reads a dozen
     * columns row by row, and a 4,096-row batch of the projection (under 1 MB) stays in the
     * cache from the reader thread's decoding to the last row (65,536 rows: ~10 MB, and the
     * analyzer thread ran about 25% slower, docs/performance-log.md, session 5).
     */
    static final int PROJECTED_CURSOR_ROWS = 1 << 12;

    /**
     * Batch objects a projected Parquet cursor's reader thread cycles through: the caller reads
     * one while up to 15 more are decoded ahead. Our writer's pages hold 65,536 rows of every
     * column, so every 16th batch costs the reader thread a page of every column at once (a few
     * ms); one batch ahead, the caller waited for it. With 16, a pipeline of the measured
     * per-batch costs stays within a few % of the slower thread also when the analyzer is as
     * fast as the reader (docs/performance-log.md, session 6). About 0.7 MB each. 32 since the
     * queue wakes its reader thread only when the caller has taken it down to half
     * ({@link ReadAheadQueue}): 15 batches still queued when it is woken, as 13 were before with
     * a wake-up per batch (session 10).
     */
    static final int PROJECTED_READ_AHEAD = 32;

    /**
     * Rows per Parquet batch of a read-ahead cursor over every column (replay, state queries):
     * 4,096 rows of every column are about 1.3 MB, so the caller reads a batch while it is
     * still in the cache from the reader thread's decoding, as {@link #PROJECTED_CURSOR_ROWS}
     * does for a projection. With 65,536-row batches (about 15 MB each, one ahead) the replaying
     * thread used about a quarter more CPU (median 1.00 against 0.81 s per 5 M events;
     * docs/performance-log.md, session 18).
     */
    static final int FULL_CURSOR_ROWS = 1 << 12;

    /** Batch objects such a cursor's reader thread cycles through (about 20 MB in all). */
    static final int FULL_READ_AHEAD = 16;

    /** Opens a row cursor over every column (see {@link TraceCursor}); warnings go to stderr. */
    public static TraceCursor openCursor(Path path) throws IOException {
        return openCursor(path, Long.MIN_VALUE, w -> System.err.println("ccatrace: warning: " + w));
    }

    /**
     * Opens a row cursor whose first row is the first with seq &gt;= fromSeq
     * ({@code Long.MIN_VALUE}: from the start). Arrow batches and Parquet row groups wholly
     * before fromSeq are skipped without being decoded. Warnings (broken chain, unfinished
     * recording) go to the sink, each at most once.
     */
    public static TraceCursor openCursor(Path path, long fromSeq, Consumer<String> warnings) throws IOException {
        return openCursor(path, BatchCursor.columns(), fromSeq, false, warnings);
    }

    /**
     * Opens a row cursor over a projection, with the integrity chain checked: as
     * {@link #openCursor(Path, Set, long, boolean, boolean, Consumer)} with checkChain.
     */
    public static TraceCursor openCursor(Path path, Set<Column> columns, long fromSeq, boolean readAhead,
                                         Consumer<String> warnings) throws IOException {
        return openCursor(path, columns, fromSeq, readAhead, true, warnings);
    }

    /**
     * Opens a row cursor over a projection: only these columns are decoded (seq and kind are
     * always added), and an accessor of any other column throws {@link IllegalStateException}
     * naming it, as does {@link TraceCursor#toEvent()} unless every event column is projected.
     * With {@code checkChain} the reader warns on a broken integrity chain: over every column
     * it recomputes the event chain; over a projection of a Parquet trace with storage
     * digests it checks those on a thread of its own ({@link StorageCheck}: stored bytes
     * only, the event chain only after a mismatch); over a projection of any other trace it
     * decodes every column after all, to recompute the event chain. Without
     * {@code checkChain} a projection is not checked (only the unfinished-recording warning).
     * With {@code readAhead}, Arrow and Parquet batches are decoded (and their chain checked)
     * on a reader thread of the cursor's own, one batch ahead of the caller; the rows, their
     * order and the warnings are the same, and a reader failure is thrown by
     * {@link TraceCursor#next()} as without it.
     */
    public static TraceCursor openCursor(Path path, Set<Column> columns, long fromSeq, boolean readAhead,
                                         boolean checkChain, Consumer<String> warnings) throws IOException {
        return openCursor(path, columns, fromSeq, readAhead, checkChain, warnings, null);
    }

    /**
     * As {@link #openCursor(Path, Set, long, boolean, boolean, Consumer)}, with a task run on
     * every batch on the reader thread (before the cursor gets the batch; the chain is checked
     * on the cursor's checker thread meanwhile), e.g. one that {@link EventBatch#attach
     * attaches} per-row values the cursor then gives ({@link TraceCursor#attached()}). Only with read-ahead on an Arrow or Parquet
     * file; otherwise (and with a null task) no task runs.
     */
    public static TraceCursor openCursor(Path path, Set<Column> columns, long fromSeq, boolean readAhead,
                                         boolean checkChain, Consumer<String> warnings,
                                         Consumer<EventBatch> batchTask) throws IOException {
        return openCursor(path, columns, fromSeq, readAhead, checkChain, null, warnings, batchTask);
    }

    /**
     * A read-ahead cursor over every column from the first row whose integrity is checked as a
     * projection's: by the storage digests of a Parquet trace that has them, on a thread of
     * their own ({@link StorageCheck}: the stored bytes hashed; the event chain recomputed only
     * after a mismatch, with its usual warning), so the reader thread only decodes and runs
     * the batch task; any other trace has its event chain checked on the cursor's checker thread, as
     * {@link #openCursor(Path, Set, long, boolean, boolean, Consumer, Consumer)} does. Same
     * rows and same warnings (a break is warned between batches once the digest check has
     * found it, at the end at the latest); for the replay, whose reader thread was its
     * critical path (docs/performance-log.md, session 11).
     */
    public static TraceCursor openDigestCheckedCursor(Path path, Consumer<String> warnings,
                                                      Consumer<EventBatch> batchTask) throws IOException {
        return openDigestCheckedCursor(path, warnings, batchTask, Set.of());
    }

    /**
     * As {@link #openDigestCheckedCursor(Path, Consumer, Consumer)}, with the columns of
     * {@code sparse} handed over sparsely by a Parquet reader ({@link EventBatch#isSparse}:
     * the present rows' values and a presence bitmap, for the optional ones): the columns the
     * caller reads in few rows, so that the reader thread neither null-fills their other rows
     * nor a batch task goes over them. Same rows, same warnings.
     */
    public static TraceCursor openDigestCheckedCursor(Path path, Consumer<String> warnings,
                                                      Consumer<EventBatch> batchTask, Set<Column> sparse) throws IOException {
        return openCursor(path, java.util.EnumSet.allOf(Column.class), Long.MIN_VALUE, true, true, sparse, warnings, batchTask);
    }

    /**
     * digestsFirst: null for a cursor whose chain, over every column, is checked by the event
     * chain; else the integrity is checked by the storage digests when there are some, and
     * these columns (of an every-column cursor) are handed over sparsely.
     */
    private static TraceCursor openCursor(Path path, Set<Column> columns, long fromSeq, boolean readAhead,
                                          boolean checkChain, Set<Column> digestsFirst, Consumer<String> warnings,
                                          Consumer<EventBatch> batchTask) throws IOException {
        java.util.EnumSet<Column> cols = java.util.EnumSet.of(Column.SEQ, Column.KIND);
        cols.addAll(columns);
        TraceFormat f = TraceFormat.of(path);
        boolean jsonl = f == TraceFormat.JSONL;
        boolean decodeAll = cols.size() == Column.values().length;
        Set<Column> sparse = !decodeAll ? java.util.EnumSet.allOf(Column.class) : digestsFirst == null ? Set.of() : digestsFirst;
        boolean ahead = readAhead && !jsonl;
        int fullRows = ahead ? FULL_CURSOR_ROWS : ParquetBatchReader.BATCH_ROWS;
        // an Arrow stream is handed over sparsely only to an every-column cursor (replay, state)
        Set<Column> handed = f == TraceFormat.ARROW_STREAM && !decodeAll ? Set.of() : sparse;
        BatchReader r = openColumns(path, cols, warnings, 1, decodeAll ? fullRows : PROJECTED_CURSOR_ROWS, handed);
        boolean storage = checkChain && decodeAll && digestsFirst != null && f == TraceFormat.PARQUET
                && fromSeq == Long.MIN_VALUE && StorageDigest.present(r.metadata());
        if (checkChain && !decodeAll && !jsonl) {
            storage = f == TraceFormat.PARQUET && StorageDigest.present(r.metadata());
            if (!storage) {
                r.close();
                decodeAll = true;
                r = openColumns(path, java.util.EnumSet.allOf(Column.class), warnings, 1, fullRows, Set.of());
            }
        }
        try {
            ChainCheck check = null;
            long seekTo = BatchCursor.readsFromStart(fromSeq) ? Long.MIN_VALUE : fromSeq;
            if (!jsonl && decodeAll && checkChain && !storage) {
                SeekAnchor a = seekTo == Long.MIN_VALUE ? SeekAnchor.fromStart() : SeekAnchor.find(path, fromSeq);
                check = new ChainCheck(FormatVersion.of(r.metadata()), a);
                if (a.failure == null) seekTo = a.seekTo;
            }
            if (ahead) {
                int depth = f != TraceFormat.PARQUET ? 2 : decodeAll ? FULL_READ_AHEAD : PROJECTED_READ_AHEAD;
                // the chain check runs on the cursor's checker thread, beside the reader thread's decoding
                r = new PrefetchReader(r, path.toString(), batchTask, depth);
            }
            BatchCursor c = new BatchCursor(r, path.toString(), cols, check, jsonl, warnings, fromSeq, seekTo);
            if (storage) c.watch(StorageCheck.start(path));
            return c;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /**
     * Starts the storage-digest check of a Parquet trace that has digests, for a reader of a
     * projection (see {@link StorageCheck}); null for any other trace.
     */
    public static StorageCheck checkStorage(Path path, TraceMetadata metadata) throws TraceFormatException {
        if (TraceFormat.of(path) != TraceFormat.PARQUET || !StorageDigest.present(metadata)) return null;
        return StorageCheck.start(path);
    }

    /**
     * Starts the integrity check of a reader that decodes only some columns, on a thread of its
     * own ({@link StorageCheck}): the storage digests of a Parquet trace that has them, else
     * (Arrow, Parquet from other writers) the event chain recomputed over every column. Null
     * for JSONL, whose reader recomputes the chain as it reads.
     */
    public static StorageCheck checkIntegrity(Path path, TraceMetadata metadata) throws TraceFormatException {
        StorageCheck digests = checkStorage(path, metadata);
        if (digests != null || TraceFormat.of(path) == TraceFormat.JSONL) return digests;
        return StorageCheck.startEventChain(path);
    }

    /** As {@link #openColumns(Path, Set, int)}; warnings of the JSONL row path go to the sink. */
    public static BatchReader openColumns(Path path, Set<Column> columns, Consumer<String> warnings, int threads)
            throws IOException {
        return openColumnsOn(path, columns, warnings, threads);
    }

    /**
     * Creates a trace for writing. The format version, minimum reader version, origin
     * (default "recorded") and trace id (default: derived from the metadata, so the same
     * run gives the same id) are filled in; end-of-trace keys are computed on close.
     */
    public static TraceWriter create(Path path, TraceMetadata metadata) throws IOException {
        return create(path, metadata, ArrowWrite.DEFAULT);
    }

    /** As {@link #create(Path, TraceMetadata)}; an Arrow stream is written as how says (Parquet and JSONL ignore it). */
    public static TraceWriter create(Path path, TraceMetadata metadata, ArrowWrite how) throws IOException {
        TraceFormat f = TraceFormat.of(path);
        TraceMetadata header = header(metadata);
        switch (f) {
            case JSONL:
                return new ChainedWriter(new JsonlSink(path, header));
            case ARROW_STREAM:
                return new ChainedWriter(new ArrowStreamSink(path, header, new RootAllocator(), how));
            default:
                return new ChainedWriter(new ParquetSink(path, header));
        }
    }

    /**
     * The header a writer stores: the caller's keys (without the end-of-trace ones) plus the
     * format's own.
     */
    public static TraceMetadata header(TraceMetadata m) {
        TraceMetadata h = TraceMetadata.empty();
        for (Map.Entry<String, String> e : m.asMap().entrySet()) {
            String k = e.getKey();
            if (!k.equals(TraceMetadata.EVENT_COUNT) && !k.equals(TraceMetadata.COMPLETE)
                    && !k.equals(TraceMetadata.DIGEST) && !k.equals(StorageDigest.KEY)) {
                h = h.with(k, e.getValue());
            }
        }
        h = h.with(TraceMetadata.FORMAT_VERSION, Integer.toString(FormatVersion.CURRENT))
                .with(TraceMetadata.MIN_READER_VERSION, Integer.toString(FormatVersion.MIN_READER));
        if (h.get(TraceMetadata.ORIGIN) == null) h = h.with(TraceMetadata.ORIGIN, "recorded");
        if (h.get(TraceMetadata.TRACE_ID) == null) h = h.with(TraceMetadata.TRACE_ID, derivedId(h));
        return h;
    }

    private static String derivedId(TraceMetadata h) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(h.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkVersion(Path path, TraceFormat f, TraceMetadata m) throws TraceFormatException {
        FormatVersion.check(path.toString(), m, f != TraceFormat.JSONL);
    }
}
