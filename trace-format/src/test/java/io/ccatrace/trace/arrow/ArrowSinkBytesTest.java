package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.ArrowWrite;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.RowColumns;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceVerification;
import io.ccatrace.trace.chain.EventHash;
import io.ccatrace.trace.chain.HashChain;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink stores its buffers directly (staged blocks, bulk copies, gathering writes); the
 * stream it produces must be exactly what Arrow's own vector API (setSafe / startNewValue,
 * untouched cells null) and ArrowStreamWriter produce for the same rows, batch size and
 * first-seen name dictionaries, as documented in docs/trace-format.md ("Arrow IPC stream").
 */
class ArrowSinkBytesTest {
    @TempDir
    Path dir;

    private static final TraceMetadata HEADER = TraceMetadata.empty().with(TraceMetadata.SCENARIO, "bytes")
            .with(TraceMetadata.FORMAT_VERSION, "2");

    @Test
    void syntheticTraceMatchesArrowsOwnWriter() throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        new SyntheticTrace(ArrowStreamSink.BATCH + 3 * RowBlock.ROWS + 77, 3).forEachRemaining(rows::add);
        assertSameBytes(rows);
    }

    @Test
    void edgeValuesMatchArrowsOwnWriter() throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < 700; i++) {
            TraceEvent.Builder b = TraceEvent.builder(seq++, EventKind.values()[i % EventKind.values().length]).time(i / 3);
            switch (i % 5) {
                case 0: // every nullable column null
                    break;
                case 1: // zeros and empty values, which are not null
                    b.cpu(0).causeSeq(0).fid(0).args(new long[0]).index(0).out(new long[0]).realm(0).rec(0).ipa(0)
                            .pa(0).level(0).esr(0).far(0).hpfar(0).value(0).size(0).payload(new byte[0]).cmd("")
                            .status("S" + i);
                    break;
                case 2: // extremes next to the null sentinels
                    b.cpu(Integer.MIN_VALUE + 1).causeSeq(Long.MIN_VALUE + 1).fid(-1).value(Long.MAX_VALUE)
                            .size(Integer.MAX_VALUE).args(new long[] {-1, Long.MIN_VALUE + 1, 0}).payload(new byte[] {1, 2, 3})
                            .from("F" + i).to("T" + (i % 7));
                    break;
                case 3: // a new name in every name column
                    b.cmd("C" + i).status("S" + i).from("F" + i).to("T" + i).fromRipas("R" + i).toRipas("Q" + i)
                            .pas("P" + i).ripas("I" + i).exitReason("E" + i).access("A" + i).half("H" + i).outcome("O" + i)
                            .out(new long[] {i, 2 * i});
                    break;
                default:
                    b.realm(0x1000L * i).ipa(-0x2000L * i).level(i & 3).payload(new byte[i % 41]);
            }
            rows.add(b.build());
        }
        assertSameBytes(rows);
    }

    /**
     * Dictionaries are written before the first batch and again (a replacement) only before a
     * batch whose rows added a name to them: batches with no new name, a new name in the middle
     * of a later batch, a new kind and a first name of another column in the last short batch.
     */
    @Test
    void namesNewInSomeBatchesOnlyMatchArrowsOwnWriter() throws IOException {
        int batch = ArrowStreamSink.BATCH;
        List<TraceEvent> rows = new ArrayList<>();
        for (int i = 0; i < 4 * batch + 500; i++) {
            EventKind kind = i < 4 * batch + 200 ? EventKind.RMI_CALL : EventKind.GPF;
            TraceEvent.Builder b = TraceEvent.builder(i, kind).time(i).status(i == 2 * batch + 1000 ? "LATE" : i % 2 == 0 ? "OK" : "ERR");
            if (i == 4 * batch + 300) b.from("F");
            rows.add(b.build());
        }
        assertSameBytes(rows);
    }

    /**
     * Lists and payloads of every length from 0 to past the sink's word-by-word limit, with
     * distinct non-zero contents (so a byte stored in the wrong place or left out shows).
     */
    @Test
    void listAndPayloadContentsOfEveryLengthMatchArrowsOwnWriter() throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            byte[] payload = new byte[i % 300];
            for (int j = 0; j < payload.length; j++) payload[j] = (byte) (31 * i + 7 * j + 1);
            long[] args = new long[i % 41];
            for (int j = 0; j < args.length; j++) args[j] = 0x0101010101010101L * (i + 1) + j;
            long[] out = new long[(i * 7) % 33];
            for (int j = 0; j < out.length; j++) out[j] = -1L - 13L * i - j;
            TraceEvent.Builder b = TraceEvent.builder(i, EventKind.NS_READ).time(i);
            if (i % 3 != 0) b.payload(payload);
            if (i % 4 != 1) b.args(args);
            if (i % 5 != 2) b.out(out);
            rows.add(b.build());
        }
        assertSameBytes(rows);
    }

    /** Both encodings: plain buffers, and LZ4_FRAME buffers (Arrow's own writer given the same codec). */
    private void assertSameBytes(List<TraceEvent> rows) throws IOException {
        assertSameBytes(rows, false);
        assertSameBytes(rows, true);
    }

    private void assertSameBytes(List<TraceEvent> rows, boolean lz4) throws IOException {
        Path fast = dir.resolve("fast-" + lz4 + ".arrows");
        Path reference = dir.resolve("reference-" + lz4 + ".arrows");
        HashChain chain = new HashChain();
        ArrowStreamSink sink = new ArrowStreamSink(fast, HEADER, new RootAllocator(), ArrowWrite.DEFAULT.withLz4(lz4));
        List<byte[]> checkpoints = new ArrayList<>();
        for (TraceEvent e : rows) {
            sink.write(e);
            byte[] c = chain.add(e) ? chain.checkpoint() : null;
            checkpoints.add(c);
            if (c != null) sink.checkpoint(c);
        }
        if (chain.hasPending()) {
            byte[] c = chain.checkpoint();
            sink.checkpoint(c);
            checkpoints.set(rows.size() - 1, c);
        }
        sink.finish(TraceMetadata.empty());
        TraceMetadata header = lz4 ? HEADER.with(TraceMetadata.MIN_READER_VERSION, "3") : HEADER;
        writeWithArrowApi(reference, header, rows, checkpoints, ArrowStreamSink.BATCH, lz4);
        byte[] want = Files.readAllBytes(reference);
        byte[] got = Files.readAllBytes(fast);
        assertEquals(want.length, got.length, "stream length");
        assertArrayEquals(want, got);
        assertArrayEquals(want, direct(rows, checkpoints, lz4), "direct row path");
    }

    /**
     * The same rows through the sink's direct row path (columns in a shuffled order, some
     * null ones given as null), the same checkpoints; each row's hash must be the format's
     * event hash of the row. Returns the stream.
     */
    private byte[] direct(List<TraceEvent> rows, List<byte[]> checkpoints, boolean lz4) throws IOException {
        Path p = dir.resolve("direct-" + lz4 + ".arrows");
        ArrowStreamSink sink = new ArrowStreamSink(p, HEADER, new RootAllocator(), new ArrowWrite(lz4, false));
        RowColumns columns = sink.columns();
        Random random = new Random(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TraceEvent e = rows.get(i);
            GivenColumns.give(e, columns, random);
            assertEquals(e.seq(), columns.seq());
            assertEquals(EventHash.of(e), columns.end(), "event hash of row " + i);
            if (checkpoints.get(i) != null) sink.checkpoint(checkpoints.get(i));
        }
        sink.finish(TraceMetadata.empty());
        return Files.readAllBytes(p);
    }

    /**
     * Streams written before session 11 have 65,536-row batches (the sink's batch size then;
     * this test showed them byte-identical to this reference at that size): they must still
     * read back with every row and verify.
     */
    @Test
    void streamsOfLongerBatchesStillReadAndVerify() throws IOException {
        List<TraceEvent> rows = new ArrayList<>();
        new SyntheticTrace(2 * 65_536 + 1_000, 7).forEachRemaining(rows::add);
        HashChain chain = new HashChain();
        List<byte[]> checkpoints = new ArrayList<>();
        for (TraceEvent e : rows) checkpoints.add(chain.add(e) ? chain.checkpoint() : null);
        if (chain.hasPending()) checkpoints.set(rows.size() - 1, chain.checkpoint());
        Path old = dir.resolve("old.arrows");
        writeWithArrowApi(old, TraceFiles.header(HEADER), rows, checkpoints, 65_536, false);
        try (TraceReader r = TraceFiles.open(old)) {
            for (TraceEvent want : rows) {
                assertTrue(r.hasNext(), "row " + want.seq());
                assertEquals(want, r.next());
            }
            assertFalse(r.hasNext());
        }
        TraceVerification.Result v = TraceVerification.run(old);
        assertTrue(v.intact(), String.valueOf(v.problem()));
        assertEquals(rows.size(), v.events());
        assertEquals(chain.lastHex(), v.digest());
    }

    /** The reference: every cell through Arrow's vector API, one batch per batch rows. */
    private static void writeWithArrowApi(Path p, TraceMetadata header, List<TraceEvent> rows, List<byte[]> checkpoints, int batch,
                                          boolean lz4) throws IOException {
        try (BufferAllocator a = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchema.schema(header), a);
                FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
            List<Map<String, Integer>> ids = new ArrayList<>();
            List<VarCharVector> dictionaries = new ArrayList<>();
            for (Column c : Column.values()) {
                ids.add(new LinkedHashMap<>());
                VarCharVector names = null;
                if (c.type() == Column.Type.NAME || c.type() == Column.Type.KIND) {
                    names = (VarCharVector) ArrowSchema.dictionaryField(c).createVector(a);
                    names.allocateNew();
                    names.setValueCount(0);
                    provider.put(new Dictionary(names, ArrowSchema.encoding(c)));
                }
                dictionaries.add(names);
            }
            try (ArrowStreamWriter w = lz4
                    ? new ArrowStreamWriter(root, provider, ch, IpcOption.DEFAULT, Lz4Codec.FACTORY, CompressionUtil.CodecType.LZ4_FRAME)
                    : new ArrowStreamWriter(root, provider, ch)) {
                w.start();
                int r = 0;
                for (int i = 0; i < rows.size(); i++) {
                    TraceEvent e = rows.get(i);
                    for (Column c : Column.values()) set(root.getVector(c.ordinal()), c, r, e, checkpoints.get(i), ids, dictionaries);
                    if (++r == batch || i == rows.size() - 1) {
                        root.setRowCount(r);
                        w.writeBatch();
                        for (FieldVector v : root.getFieldVectors()) v.reset();
                        r = 0;
                    }
                }
                w.end();
            } finally {
                for (VarCharVector d : dictionaries) {
                    if (d != null) d.close();
                }
            }
        }
    }

    private static void set(FieldVector v, Column c, int r, TraceEvent e, byte[] checkpoint,
            List<Map<String, Integer>> ids, List<VarCharVector> dictionaries) {
        switch (c.type()) {
            case LONG: {
                long x = c.getLong(e);
                if (x != TraceEvent.NULL) ((BigIntVector) v).setSafe(r, x);
                break;
            }
            case INT: {
                long x = c.getLong(e);
                if (x != TraceEvent.NULL_INT && x != TraceEvent.NULL) ((IntVector) v).setSafe(r, (int) x);
                break;
            }
            case BOOL:
                ((BitVector) v).setSafe(r, e.kind().isInput() ? 1 : 0);
                break;
            case KIND:
            case NAME: {
                String name = c == Column.KIND ? e.kind().name() : c.getName(e);
                if (name == null) break;
                Map<String, Integer> m = ids.get(c.ordinal());
                Integer id = m.get(name);
                if (id == null) {
                    id = m.size();
                    m.put(name, id);
                    VarCharVector d = dictionaries.get(c.ordinal());
                    d.setSafe(id, name.getBytes(StandardCharsets.UTF_8));
                    d.setValueCount(id + 1);
                }
                ((BaseIntVector) v).setWithPossibleTruncate(r, id);
                break;
            }
            case LONGS: {
                long[] xs = c == Column.ARGS ? e.args() : e.out();
                if (xs == null) break;
                ListVector list = (ListVector) v;
                int at = list.startNewValue(r);
                BigIntVector items = (BigIntVector) list.getDataVector();
                for (int k = 0; k < xs.length; k++) items.setSafe(at + k, xs[k]);
                list.endValue(r, xs.length);
                break;
            }
            default: {
                byte[] b = c == Column.PAYLOAD ? e.payload() : checkpoint;
                if (b != null) ((VarBinaryVector) v).setSafe(r, b);
            }
        }
    }
}
