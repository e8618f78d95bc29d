package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * Writes a trace as Parquet, encoding the pages itself (no record assembly): each row's
 * non-null values go to their leaf column; every {@link #PAGE_ROWS} rows (a payload page:
 * earlier, see {@link BytesLeaf#pageFull}; a sparse optional column's page: later, see
 * {@link #endPages}) a leaf's page is encoded (v1 data page: RLE-hybrid levels, then
 * DELTA_BINARY_PACKED, dictionary ids or PLAIN values) and ZSTD-compressed; every {@link #ROW_GROUP_ROWS} rows the
 * row group's column chunks go to the file through parquet-java's {@link ParquetFileWriter},
 * which writes the page headers, statistics and footer. Metadata goes in the footer.
 */
public final class ParquetSink implements RowSink {
    /** Rows per row group: large enough for scans, bounded memory while writing. */
    public static final int ROW_GROUP_ROWS = 1 << 20;
    /** Rows per data page. */
    static final int PAGE_ROWS = 1 << 16;

    private final ParquetFileWriter writer;
    /** The file, digesting each row group's column chunks (storage digest, {@link StorageDigest}). */
    private final DigestingOutputFile file;
    private final TraceMetadata header;
    private final Zstd zstd = new Zstd();
    private final PageBytes page = new PageBytes();
    private final Leaf[] leaves;
    private final LongLeaf seq;
    private final LongLeaf time;
    private final KindLeaf kind;
    private final BoolLeaf input;
    private final LongLeaf cpu;
    private final LongLeaf causeSeq;
    private final NameLeaf cmd;
    private final LongLeaf fid;
    private final ListLeaf args;
    private final NameLeaf status;
    private final LongLeaf index;
    private final ListLeaf out;
    private final LongLeaf realm;
    private final LongLeaf rec;
    private final LongLeaf ipa;
    private final LongLeaf pa;
    private final LongLeaf level;
    private final NameLeaf from;
    private final NameLeaf to;
    private final NameLeaf fromRipas;
    private final NameLeaf toRipas;
    private final NameLeaf pas;
    private final NameLeaf ripas;
    private final NameLeaf exitReason;
    private final LongLeaf esr;
    private final LongLeaf far;
    private final LongLeaf hpfar;
    private final NameLeaf access;
    private final NameLeaf half;
    private final NameLeaf outcome;
    private final LongLeaf value;
    private final LongLeaf size;
    private final BytesLeaf payload;
    private final BytesLeaf chain;
    private final int pageLimit;
    private final int groupLimit;
    private final int maxDictionary;
    private int pageRows;
    private int groupRows;

    public ParquetSink(Path path, TraceMetadata header) throws IOException {
        this(path, header, PAGE_ROWS, ROW_GROUP_ROWS, LongLeaf.MAX_DICTIONARY, BytesLeaf.MAX_DICTIONARY_BYTES);
    }

    /** Smaller pages, row groups and dictionaries, for tests. */
    ParquetSink(Path path, TraceMetadata header, int pageRows, int groupRows, int maxDictionary,
                long maxPayloadDictionaryBytes) throws IOException {
        this.header = header;
        this.pageLimit = pageRows;
        this.groupLimit = groupRows;
        this.maxDictionary = maxDictionary;
        this.file = new DigestingOutputFile(path);
        this.writer = new ParquetFileWriter(file, ParquetSchema.SCHEMA,
                ParquetFileWriter.Mode.OVERWRITE, 256L << 20, 0, 64, Integer.MAX_VALUE, false);
        writer.start();
        List<ColumnDescriptor> ds = ParquetSchema.SCHEMA.getColumns();
        leaves = new Leaf[ds.size()];
        seq = longLeaf(ds, Column.SEQ, true);
        time = longLeaf(ds, Column.TIME, true).byteDeltas();
        kind = (KindLeaf) put(ds, Column.KIND, new KindLeaf(ds.get(Column.KIND.ordinal()), pageLimit));
        input = (BoolLeaf) put(ds, Column.INPUT, new BoolLeaf(ds.get(Column.INPUT.ordinal()), pageLimit));
        cpu = longLeaf(ds, Column.CPU, false);
        causeSeq = longLeaf(ds, Column.CAUSE_SEQ, true);
        cmd = nameLeaf(ds, Column.CMD);
        fid = longLeaf(ds, Column.FID, false);
        args = listLeaf(ds, Column.ARGS);
        status = nameLeaf(ds, Column.STATUS);
        index = longLeaf(ds, Column.INDEX, false);
        out = listLeaf(ds, Column.OUT);
        realm = longLeaf(ds, Column.REALM, false);
        rec = longLeaf(ds, Column.REC, false);
        ipa = longLeaf(ds, Column.IPA, false);
        pa = longLeaf(ds, Column.PA, false);
        level = longLeaf(ds, Column.LEVEL, false);
        from = nameLeaf(ds, Column.FROM);
        to = nameLeaf(ds, Column.TO);
        fromRipas = nameLeaf(ds, Column.FROM_RIPAS);
        toRipas = nameLeaf(ds, Column.TO_RIPAS);
        pas = nameLeaf(ds, Column.PAS);
        ripas = nameLeaf(ds, Column.RIPAS);
        exitReason = nameLeaf(ds, Column.EXIT_REASON);
        esr = longLeaf(ds, Column.ESR, false);
        far = longLeaf(ds, Column.FAR, false);
        hpfar = longLeaf(ds, Column.HPFAR, false);
        access = nameLeaf(ds, Column.ACCESS);
        half = nameLeaf(ds, Column.HALF);
        outcome = nameLeaf(ds, Column.OUTCOME);
        value = longLeaf(ds, Column.VALUE, false);
        size = longLeaf(ds, Column.SIZE, false);
        payload = (BytesLeaf) put(ds, Column.PAYLOAD,
                new BytesLeaf(ds.get(Column.PAYLOAD.ordinal()), pageLimit, true, maxPayloadDictionaryBytes));
        chain = (BytesLeaf) put(ds, Column.CHAIN, new BytesLeaf(ds.get(Column.CHAIN.ordinal()), pageLimit, false, 0));
    }

    /** Leaf i is column i: every column has exactly one leaf (lists: their element). */
    private Leaf put(List<ColumnDescriptor> ds, Column c, Leaf l) {
        leaves[c.ordinal()] = l;
        l.zstdLevel = ZstdLevels.of(c);
        return l;
    }

    private LongLeaf longLeaf(List<ColumnDescriptor> ds, Column c, boolean delta) {
        return (LongLeaf) put(ds, c, new LongLeaf(ds.get(c.ordinal()), delta, maxDictionary, pageLimit, groupLimit));
    }

    private ListLeaf listLeaf(List<ColumnDescriptor> ds, Column c) {
        return (ListLeaf) put(ds, c, new ListLeaf(ds.get(c.ordinal()), maxDictionary, pageLimit));
    }

    private NameLeaf nameLeaf(List<ColumnDescriptor> ds, Column c) {
        return (NameLeaf) put(ds, c, new NameLeaf(ds.get(c.ordinal()), pageLimit, groupLimit));
    }

    @Override
    public void write(EventView e) throws IOException {
        if (groupRows == groupLimit) endRowGroup();
        if (pageRows == pageLimit) endPages(false);
        if (payload.pageFull()) payload.endPage(page, zstd, payload.rows());
        int r = pageRows;
        int g = groupRows;
        seq.set(r, e.seq());
        time.set(r, e.time());
        EventKind k = e.kind();
        kind.set(r, k);
        input.set(r, k.isInput());
        cpu.add(g, e.cpu());
        causeSeq.add(g, e.causeSeq());
        cmd.add(g, e.cmd());
        fid.add(g, e.fid());
        args.add(r, e.args());
        status.add(g, e.status());
        index.add(g, e.index());
        out.add(r, e.out());
        realm.add(g, e.realm());
        rec.add(g, e.rec());
        ipa.add(g, e.ipa());
        pa.add(g, e.pa());
        level.add(g, e.level());
        from.add(g, e.from());
        to.add(g, e.to());
        fromRipas.add(g, e.fromRipas());
        toRipas.add(g, e.toRipas());
        pas.add(g, e.pas());
        ripas.add(g, e.ripas());
        exitReason.add(g, e.exitReason());
        esr.add(g, e.esr());
        far.add(g, e.far());
        hpfar.add(g, e.hpfar());
        access.add(g, e.access());
        half.add(g, e.half());
        outcome.add(g, e.outcome());
        value.add(g, e.value());
        size.add(g, e.size());
        payload.add(e.payload());
        pageRows = r + 1;
        groupRows = g + 1;
    }

    @Override
    public void checkpoint(byte[] v) {
        chain.set(pageRows - 1, v);
    }

    /**
     * Ends the sink's page of {@link #pageLimit} rows: every leaf's page ends, except that a leaf
     * whose pages may span ({@link Leaf#spans}: optional scalar columns) keeps a page of fewer
     * than pageLimit values open for the next pageLimit rows, unless the row group ends. A
     * sparse column's page then holds up to a row group's rows (its level bitmap compresses far
     * better: docs/performance-log.md, session 5) but never 2 pageLimit values or more.
     */
    private void endPages(boolean groupEnd) {
        for (Leaf l : leaves) {
            if (!l.spans()) {
                l.endPage(page, zstd, l == payload ? payload.rows() : pageRows);
            } else if (groupEnd || !l.keepOpen(pageLimit)) {
                l.endPage(page, zstd, groupRows - l.first);
                l.first = groupEnd ? 0 : groupRows;
            }
        }
        pageRows = 0;
    }

    private void endRowGroup() throws IOException {
        endPages(true);
        if (groupRows == 0) return;
        writer.startBlock(groupRows);
        file.beginRowGroup();
        for (Leaf l : leaves) l.writeChunk(writer, zstd);
        file.endRowGroup();
        writer.endBlock();
        groupRows = 0;
    }

    @Override
    public void finish(TraceMetadata end) throws IOException {
        try {
            endRowGroup();
            Map<String, String> m = new LinkedHashMap<>(header.asMap());
            m.putAll(end.asMap());
            m.put(StorageDigest.KEY, file.value());
            m.put("writer.model.name", "ccatrace");
            writer.end(m);
        } finally {
            zstd.close();
        }
    }
}
