package io.ccatrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.scenario.Injection;
import io.ccatrace.model.scenario.Progress;
import io.ccatrace.model.scenario.Scenario;
import io.ccatrace.model.scenario.ScenarioOptions;
import io.ccatrace.model.scenario.ScenarioRun;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceWriter;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording to Arrow through the writer's direct row path (the recorder's default for
 * Arrow) is byte for byte the recording through write() of each filled row (the path of every
 * other format), over every scenario and every injection: every event kind, null columns,
 * lists, payloads, checkpoint rows; and for a run abandoned part-way.
 */
class DirectPathTest {
    private static final TraceMetadata META = TraceMetadata.empty().with(TraceMetadata.SCENARIO, "direct-path");

    @TempDir
    Path dir;

    private final Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);

    @Test
    void everyScenarioAndInjectionGivesTheSameBytes() throws IOException {
        for (Scenario s : Scenario.values()) {
            same(new ScenarioOptions(s, "1.0", 3, 0, 0, 0, 20_000, List.of()), Long.MAX_VALUE);
        }
        for (Injection i : Injection.values()) {
            same(new ScenarioOptions(Scenario.BOOT, "1.0", 5, 0, 0, 0, 0, List.of(i)), Long.MAX_VALUE);
        }
        assertEquals(EnumSet.allOf(EventKind.class), kinds, "every event kind recorded");
    }

    /**
     * The recorder gives each row's columns in schema order (the Arrow sink then hashes the
     * words as they come; any other order is still hashed right, on a slower path).
     */
    @Test
    void everyRowsColumnsComeInSchemaOrder() {
        ColumnSink order = schemaOrderCheck();
        for (Scenario s : Scenario.values()) {
            emitAll(new ScenarioOptions(s, "1.0", 3, 0, 0, 0, 20_000, List.of()), order);
        }
        for (Injection i : Injection.values()) {
            emitAll(new ScenarioOptions(Scenario.BOOT, "1.0", 5, 0, 0, 0, 0, List.of(i)), order);
        }
        assertEquals(EnumSet.allOf(EventKind.class), kinds, "every event kind emitted");
    }

    private void emitAll(ScenarioOptions o, ColumnSink to) {
        ScenarioRun run = new ScenarioRun(o);
        run.machine().addListener((EventListener) e -> {
            kinds.add(EventKind.valueOf(e.kind().name()));
            EventRows.emit(to, e);
        });
        run.run(Progress.NONE);
    }

    /** A sink that fails when a column comes after one of the same or a later schema position. */
    private static ColumnSink schemaOrderCheck() {
        int[] last = {-1};
        InvocationHandler h = (proxy, m, args) -> {
            Column c = m.getName().equals("start") ? Column.KIND
                    : Column.valueOf(m.getName().replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
            if (c != Column.KIND) assertTrue(c.ordinal() > last[0], c + " after " + Column.values()[last[0]]);
            last[0] = c.ordinal();
            return null;
        };
        return (ColumnSink) Proxy.newProxyInstance(ColumnSink.class.getClassLoader(), new Class<?>[] {ColumnSink.class}, h);
    }

    @Test
    void anAbandonedRecordingGivesTheSameBytes() throws IOException {
        same(new ScenarioOptions(Scenario.MULTI_REALM, "1.0", 1, 0, 0, 0, 30_000, List.of()), 12_345);
    }

    /** Records o both ways (abandoned after the event of seq stopAt, if the run gets there) and compares the bytes. */
    private void same(ScenarioOptions o, long stopAt) throws IOException {
        Path direct = dir.resolve("direct.arrows");
        Path rows = dir.resolve("rows.arrows");
        TraceWriter w = TraceFiles.create(direct, META);
        EventListener seen = e -> kinds.add(EventKind.valueOf(e.kind().name()));
        record(o, new Recorder(w), stopAt, seen);
        record(o, new Recorder(new RowsOnly(TraceFiles.create(rows, META))), stopAt, seen);
        assertArrayEquals(Files.readAllBytes(rows), Files.readAllBytes(direct), o.toString());
    }

    /**
     * Runs o with the recorder and then a listener that is shown each event and stops the run
     * after the event of seq stopAt; then closes the recorder, or abandons it if stopped.
     */
    static void record(ScenarioOptions o, Recorder recorder, long stopAt, EventListener seen) throws IOException {
        ScenarioRun run = new ScenarioRun(o);
        run.machine().addListener(recorder);
        run.machine().addListener((EventListener) e -> {
            seen.onEvent(e);
            if (e.seq() == stopAt) throw new Stop();
        });
        try {
            run.run(Progress.NONE);
            recorder.close();
        } catch (Stop e) {
            recorder.abandon();
        }
    }

    private static final class Stop extends RuntimeException {
    }

    /** The writer without its direct row path: the recorder fills a row and calls write(). */
    private static final class RowsOnly implements TraceWriter {
        private final TraceWriter to;

        RowsOnly(TraceWriter to) {
            this.to = to;
        }

        @Override
        public void write(EventView row) throws IOException {
            to.write(row);
        }

        @Override
        public void abandon() throws IOException {
            to.abandon();
        }

        @Override
        public void close() throws IOException {
            to.close();
        }
    }
}
