package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The boot trace with its first RTT_ENTRY at level 40, written with an intact integrity chain
 * (as a tool that edits rows and re-chains them would leave it; `import` refuses such a row).
 * No RMM reports level 40 (reference 11.1: -1..3). Every command that rebuilds RTT state
 * refuses it in one line naming the file and the seq; dump and history, which only list
 * rows, show it.
 */
class MalformedRowsTest {
    @TempDir
    static Path dir;
    static Path trace;
    static long editedSeq = -1;

    @BeforeAll
    static void write() throws IOException {
        Path clean = dir.resolve("clean.parquet");
        assertEquals(0, Cli.run("record", "--scenario", "boot", "--seed", "1", "-o", clean.toString()).code());
        List<TraceEvent> rows = new ArrayList<>();
        TraceMetadata meta;
        try (TraceReader r = TraceFiles.open(clean)) {
            meta = r.metadata();
            while (r.hasNext()) rows.add(r.next());
        }
        for (int i = 0; i < rows.size() && editedSeq < 0; i++) {
            if (rows.get(i).kind() == EventKind.RTT_ENTRY) {
                rows.set(i, rows.get(i).toBuilder().level(40).build());
                editedSeq = rows.get(i).seq();
            }
        }
        trace = dir.resolve("level40.parquet");
        try (TraceWriter w = TraceFiles.create(trace, TraceFiles.header(meta))) {
            for (TraceEvent e : rows) w.write(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"state {T} --at 2000", "state {T} --no-checkpoint --at 2425", "checkpoint {T}", "analyze {T}",
        "analyze --threads 1 {T}", "explain {T}", "report {T} -o {O}"})
    void refusedNamingTheSeq(String command) {
        String[] args = command.replace("{T}", trace.toString()).replace("{O}", dir.resolve("r.html").toString()).split(" ");
        Cli.run(args).badInput(trace.toString(), "seq " + editedSeq, "level 40");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dump {T}", "history {T} --ipa 0"})
    void listedAsTheyAre(String command) {
        Cli r = Cli.run(command.replace("{T}", trace.toString()).split(" ")).noStackTrace();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"level\":40") || r.out().contains("level 40") || command.startsWith("history"), r.out());
    }
}
