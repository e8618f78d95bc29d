package io.ccatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Parquet read by parquet-java's generic example reader (Group records, the file's own
 * schema): values, names, lists, nulls and footer metadata as a foreign tool sees them.
 */
class ParquetInteropTest {
    @TempDir
    Path dir;

    @Test
    void genericReaderSeesTheSameValues() throws IOException {
        List<TraceEvent> events = TraceRoundTripTest.sample(10_000);
        Path p = dir.resolve("t.parquet");
        TraceRoundTripTest.write(p, events);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            var meta = r.getFooter().getFileMetaData();
            assertEquals("1.0", meta.getKeyValueMetaData().get(TraceMetadata.RMM_MODEL));
            assertEquals("10000", meta.getKeyValueMetaData().get(TraceMetadata.EVENT_COUNT));
            assertEquals("true", meta.getKeyValueMetaData().get(TraceMetadata.COMPLETE));
            assertEquals(CompressionCodecName.ZSTD, r.getRowGroups().get(0).getColumns().get(0).getCodec());
            MessageType schema = meta.getSchema();
            int i = 0;
            PageReadStore rg;
            while ((rg = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(rg, new GroupRecordConverter(schema));
                for (long k = 0; k < rg.getRowCount(); k++) {
                    check(events.get(i++), rr.read());
                }
            }
            assertEquals(events.size(), i);
        }
    }

    private static void check(TraceEvent want, Group g) {
        assertEquals(want.seq(), g.getLong("seq", 0));
        assertEquals(want.time(), g.getLong("time", 0));
        assertEquals(want.kind().name(), g.getString("kind", 0));
        assertEquals(want.isInput(), g.getBoolean("input", 0));
        if (want.cmd() == null) {
            assertEquals(0, g.getFieldRepetitionCount("cmd"));
        } else {
            assertEquals(want.cmd(), g.getString("cmd", 0));
        }
        if (want.pa() == TraceEvent.NULL) {
            assertEquals(0, g.getFieldRepetitionCount("pa"));
        } else {
            assertEquals(want.pa(), g.getLong("pa", 0));
        }
        if (want.args() == null) {
            assertEquals(0, g.getFieldRepetitionCount("args"));
        } else {
            Group list = g.getGroup("args", 0);
            assertEquals(want.args().length, list.getFieldRepetitionCount("list"));
            for (int k = 0; k < want.args().length; k++) {
                assertEquals(want.args()[k], list.getGroup("list", k).getLong("element", 0));
            }
        }
        if (want.payload() != null) {
            assertEquals(new String(want.payload(), StandardCharsets.ISO_8859_1),
                    new String(g.getBinary("payload", 0).getBytes(), StandardCharsets.ISO_8859_1));
        } else {
            assertEquals(0, g.getFieldRepetitionCount("payload"));
        }
        if (want.causeSeq() != TraceEvent.NULL) {
            assertEquals(want.causeSeq(), g.getLong("cause_seq", 0));
        } else {
            assertFalse(g.getFieldRepetitionCount("cause_seq") > 0);
        }
    }
}
