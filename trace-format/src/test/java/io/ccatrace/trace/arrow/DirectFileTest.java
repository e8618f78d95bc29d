package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.ArrowWrite;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow traces written with O_DIRECT: the same bytes as ordinary writes, and an unfinished one still reads up to its last batch. */
class DirectFileTest {
    private static final TraceMetadata META = TraceMetadata.empty().with(TraceMetadata.SCENARIO, "direct");

    @TempDir
    Path dir;

    private static List<TraceEvent> events(int n) {
        List<TraceEvent> rows = new ArrayList<>();
        new SyntheticTrace(n, 9).forEachRemaining(rows::add);
        return rows;
    }

    private Path write(Path p, ArrowWrite how, List<TraceEvent> rows) throws IOException {
        try (TraceWriter w = TraceFiles.create(p, META, how)) {
            for (TraceEvent e : rows) w.write(e);
        }
        return p;
    }

    @Test
    void directAndOrdinaryWritesGiveTheSameBytes() throws IOException {
        for (int n : new int[] {0, 1, 100, ArrowStreamSink.BATCH, 3 * ArrowStreamSink.BATCH + 517}) {
            List<TraceEvent> rows = events(n);
            for (boolean lz4 : new boolean[] {false, true}) {
                byte[] ordinary = Files.readAllBytes(write(dir.resolve("o.arrows"), new ArrowWrite(lz4, false), rows));
                byte[] direct = Files.readAllBytes(write(dir.resolve("d.arrows"), new ArrowWrite(lz4, true), rows));
                assertArrayEquals(ordinary, direct, n + " events, lz4 " + lz4);
            }
        }
    }

    /** tmpfs refuses O_DIRECT: the sink falls back to ordinary writes, with the same bytes. */
    @Test
    void aFileSystemWithoutDirectIoGetsOrdinaryWrites() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        Path d = Files.createTempDirectory(shm, "ccatrace-direct");
        try {
            List<TraceEvent> rows = events(ArrowStreamSink.BATCH + 5);
            byte[] ordinary = Files.readAllBytes(write(dir.resolve("o.arrows"), new ArrowWrite(false, false), rows));
            assertArrayEquals(ordinary, Files.readAllBytes(write(d.resolve("t.arrows"), new ArrowWrite(false, true), rows)));
        } finally {
            Files.deleteIfExists(d.resolve("t.arrows"));
            Files.delete(d);
        }
    }

    /**
     * While a recording runs, the file ends with a filler after its last batch that readers take
     * for a torn tail: a recording killed then reads as unfinished, with every batch written
     * (all the flushed ones but the last, whose write may still be under way).
     */
    @Test
    void anUnfinishedRecordingReadsUpToItsLastBatch() throws IOException {
        Path p = dir.resolve("live.arrows");
        List<TraceEvent> rows = events(2 * ArrowStreamSink.BATCH + 300);
        TraceWriter w = TraceFiles.create(p, META, new ArrowWrite(false, true));
        try {
            for (TraceEvent e : rows) w.write(e);
            assertEquals(0, Files.size(p) % DirectFile.BLOCK, "the file is written in whole blocks while recording");
            List<String> warnings = new ArrayList<>();
            List<TraceEvent> read = new ArrayList<>();
            try (TraceReader r = TraceFiles.open(p, warnings::add)) {
                while (r.hasNext()) read.add(r.next());
            }
            assertTrue(read.size() == ArrowStreamSink.BATCH || read.size() == 2 * ArrowStreamSink.BATCH, "rows " + read.size());
            assertEquals(rows.subList(0, read.size()), read);
            assertTrue(warnings.stream().anyMatch(s -> s.contains("did not finish")), warnings.toString());
        } finally {
            w.abandon();
        }
        List<TraceEvent> after = new ArrayList<>();
        try (TraceReader r = TraceFiles.open(p, warning -> { })) {
            while (r.hasNext()) after.add(r.next());
        }
        assertEquals(rows, after, "abandon writes every row, as whole batches, and no filler");
    }
}
