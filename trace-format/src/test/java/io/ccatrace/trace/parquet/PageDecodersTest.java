package io.ccatrace.trace.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.BatchReader;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our page decoders (levels as bitmaps, dictionary ids, DELTA_BINARY_PACKED, ZSTD pages)
 * against what parquet-java writes: single encodings checked value by value against
 * parquet-java's encoders, and whole files written by parquet-java's own writer (v1 and v2
 * data pages, dictionaries falling back to PLAIN, nulls, many pages and row groups) read
 * back through the projection reader.
 */
class PageDecodersTest {
    @TempDir
    Path dir;

    @Test
    void deltaBinaryPackedLongsMatchParquetJavasEncoder() throws IOException {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = trial < 4 ? new int[] {0, 1, 128, 129}[trial] : 1 + random.nextInt(3000);
            long[] values = new long[n];
            long v = random.nextLong();
            for (int i = 0; i < n; i++) {
                switch (trial % 4) {
                    case 0: v += random.nextInt(1000); break;                    // increasing (time, seq)
                    case 1: v = random.nextLong(); break;                        // 64-bit deltas
                    case 2: v = random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE; break;
                    default: v += random.nextInt(17) - 8; break;                 // small signed deltas
                }
                values[i] = v;
            }
            DeltaBinaryPackingValuesWriterForLong w = new DeltaBinaryPackingValuesWriterForLong(128, 4, 64, 1 << 20,
                    new HeapByteBufferAllocator());
            for (long x : values) w.writeLong(x);
            byte[] bytes = w.getBytes().toByteArray();
            long[] out = new long[n];
            DeltaPacked.decode(bytes, 0, bytes.length, out, n, false);
            assertArrayEquals(values, out, "trial " + trial + ", " + n + " values");
        }
    }

    @Test
    void deltaBinaryPackedIntsMatchParquetJavasEncoder() throws IOException {
        Random random = new Random(8);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + random.nextInt(2000);
            int[] values = new int[n];
            for (int i = 0; i < n; i++) values[i] = trial % 2 == 0 ? random.nextInt() : random.nextInt(64) - 32;
            DeltaBinaryPackingValuesWriterForInteger w = new DeltaBinaryPackingValuesWriterForInteger(128, 4, 64, 1 << 20,
                    new HeapByteBufferAllocator());
            for (int x : values) w.writeInteger(x);
            byte[] bytes = w.getBytes().toByteArray();
            long[] out = new long[n];
            DeltaPacked.decode(bytes, 0, bytes.length, out, n, true);
            for (int i = 0; i < n; i++) assertEquals(values[i], out[i], "trial " + trial + ", value " + i);
        }
    }

    @Test
    void deltaBinaryPackedTruncatedIsAnError() throws IOException {
        DeltaBinaryPackingValuesWriterForLong w = new DeltaBinaryPackingValuesWriterForLong(128, 4, 64, 1 << 20,
                new HeapByteBufferAllocator());
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) w.writeLong(random.nextLong());
        byte[] bytes = w.getBytes().toByteArray();
        assertThrows(ParquetDecodingException.class, () -> DeltaPacked.decode(bytes, 0, bytes.length / 2, new long[1000], 1000, false));
        assertThrows(ParquetDecodingException.class, () -> DeltaPacked.decode(bytes, 0, bytes.length, new long[1001], 1001, false));
    }

    @Test
    void oneBitLevelsDecodeToTheSameBitmap() throws IOException {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(5000);
            int density = random.nextInt(4);
            int[] levels = new int[n];
            for (int i = 0; i < n; ) {
                // long runs (RLE) of nulls or values mixed with noise (bit-packed groups)
                int len = random.nextBoolean() ? 1 + random.nextInt(200) : 1 + random.nextInt(9);
                int v = random.nextInt(4) < density ? 1 : 0;
                for (int k = 0; k < len && i < n; k++, i++) levels[i] = len < 10 ? random.nextInt(2) : v;
            }
            RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(1, 64, 1 << 20, new HeapByteBufferAllocator());
            for (int v : levels) enc.writeInt(v);
            byte[] bytes = enc.toBytes().toByteArray();
            long[] bits = new long[(n >>> 6) + 2];
            java.util.Arrays.fill(bits, -1L);
            RleHybrid.decodeBits(bytes, 0, bytes.length, bits, n);
            int ones = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(levels[i] == 1, PresentBits.get(bits, i), "trial " + trial + ", level " + i);
                ones += levels[i];
            }
            assertEquals(ones, PresentBits.count(bits, n));
        }
    }

    @Test
    void expandPutsValuesAtTheirRows() {
        Random random = new Random(12);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(700);
            long[] bits = new long[(n >>> 6) + 2];
            int kind = trial % 3;
            for (int i = 0; i < n; i++) {
                boolean set = kind == 0 ? random.nextInt(10) == 0 : kind == 1 ? random.nextInt(10) != 0 : (i / 64) % 2 == 0;
                if (set) bits[i >>> 6] |= 1L << (i & 63);
            }
            int from = random.nextInt(n);
            int len = random.nextInt(n - from + 1);
            int before = PresentBits.count(bits, from);
            long[] src = new long[n];
            int[] isrc = new int[n];
            for (int i = 0; i < n; i++) {
                src[i] = 1000 + i;
                isrc[i] = 1000 + i;
            }
            long[] dst = new long[len + 3];
            int[] idst = new int[len + 3];
            int end = PresentBits.expand(bits, from, len, src, before, dst, 3, -7L);
            int iend = PresentBits.expand(bits, from, len, isrc, before, idst, 3, -7);
            int si = before;
            for (int i = 0; i < len; i++) {
                long want = PresentBits.get(bits, from + i) ? src[si++] : -7L;
                assertEquals(want, dst[3 + i], "trial " + trial + ", row " + i);
                assertEquals(want, idst[3 + i]);
            }
            assertEquals(si, end);
            assertEquals(si, iend);
        }
    }

    /** Files written by parquet-java itself, v1 and v2 data pages: every column read back through the projection. */
    @ParameterizedTest
    @EnumSource(value = WriterVersion.class)
    void parquetJavaWrittenFilesReadBack(WriterVersion version) throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(12_345);
        Path p = dir.resolve(version + ".parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(ParquetSchema.SCHEMA);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(p))
                .withConf(new PlainParquetConfiguration())
                .withType(ParquetSchema.SCHEMA)
                .withWriterVersion(version)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withPageRowCountLimit(700)
                .withDictionaryPageSize(2048)
                .withRowGroupSize(256 * 1024L)
                .withExtraMetaData(Map.of(TraceMetadata.FORMAT_VERSION, "2", TraceMetadata.MIN_READER_VERSION, "2"))
                .build()) {
            for (TraceEvent e : events) w.write(group(groups, e));
        }
        Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
            assertTrue(r.getRowGroups().size() > 1, "several row groups");
            for (BlockMetaData b : r.getRowGroups()) {
                for (ColumnChunkMetaData c : b.getColumns()) encodings.addAll(c.getEncodings());
            }
        }
        if (version == WriterVersion.PARQUET_2_0) {
            assertTrue(encodings.contains(Encoding.DELTA_BINARY_PACKED), "v2 writes delta-packed numbers: " + encodings);
        }
        assertTrue(encodings.contains(Encoding.PLAIN), "dictionaries fall back to PLAIN: " + encodings);
        assertAllColumnsMatch(p, events);
    }

    /** Our own writer with small pages and row groups (dictionary fallback, nulls, empty and null lists). */
    @Test
    void ownSmallPagesReadBack() throws IOException {
        List<TraceEvent> events = ParquetPagesTest.rows(20_011);
        Path p = dir.resolve("own.parquet");
        ParquetPagesTest.write(p, events, 333, 7001, 500);
        assertAllColumnsMatch(p, events);
    }

    private static void assertAllColumnsMatch(Path p, List<TraceEvent> events) throws IOException {
        int i = 0;
        try (BatchReader r = TraceFiles.openColumns(p, EnumSet.allOf(Column.class))) {
            for (EventBatch b = r.next(); b != null; b = r.next()) {
                for (int k = 0; k < b.size(); k++, i++) assertEquals(events.get(i), b.event(k), "row " + i);
            }
        }
        assertEquals(events.size(), i);
    }

    static Group group(SimpleGroupFactory f, TraceEvent e) {
        Group g = f.newGroup();
        for (Column c : Column.values()) {
            String n = c.columnName();
            switch (c.type()) {
                case LONG:
                    if (c.getLong(e) != TraceEvent.NULL) g.add(n, c.getLong(e));
                    break;
                case INT:
                    if (c.getLong(e) != TraceEvent.NULL) g.add(n, (int) c.getLong(e));
                    break;
                case BOOL:
                    g.add(n, e.isInput());
                    break;
                case KIND:
                case NAME:
                    if (c.getName(e) != null) g.add(n, c.getName(e));
                    break;
                case LONGS:
                    long[] l = c.getLongs(e);
                    if (l != null) {
                        Group list = g.addGroup(n);
                        for (long v : l) list.addGroup("list").add("element", v);
                    }
                    break;
                default:
                    if (c == Column.PAYLOAD && e.payload() != null) {
                        g.add(n, org.apache.parquet.io.api.Binary.fromConstantByteArray(e.payload()));
                    }
            }
        }
        return g;
    }
}
