package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import io.ccatrace.model.rmi.RmmModels;
import io.ccatrace.replay.ReplayOptions;
import io.ccatrace.replay.Replayer;
import io.ccatrace.replay.divergence.Divergence;
import io.ccatrace.replay.report.KnownDifferences;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample (each RMI script and each scenario trace, all recorded on 1.0), replayed on
 * every other model: its first divergence, if any, is at a documented difference between 1.0
 * and that model (docs/models.md; ModelDifferences). A model differs from 1.0 only by its
 * documented quirks and table deltas, so a first divergence anywhere else would be an
 * undocumented difference, or a quirk whose commands are listed wrongly. Later divergences
 * may follow from the first and are not checked. No sample reads a freed granule back, so a
 * boot recording with the host's peek-freed misbehaviour (docs/models.md: the one that shows
 * 1.0-bug-no-scrub) is replayed too.
 */
class FirstDivergenceIsKnownTest {
    @TempDir
    static Path tmp;

    static List<Path> samples() throws Exception {
        List<Path> out = new ArrayList<>();
        Path peek = tmp.resolve("boot-peek-freed.parquet");
        if (!Files.exists(peek)) {
            StringWriter err = new StringWriter();
            assertEquals(0, Ccatrace.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "record", "--scenario", "boot",
                    "--vcpus", "1", "--inject", "peek-freed", "-o", peek.toString()), err.toString());
        }
        out.add(peek);
        try (Stream<Path> s = Files.list(ReplaySamplesTest.DIR)) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.list(SampleScenarioTracesTest.DIR)) {
            s.filter(p -> p.toString().endsWith(".parquet")).sorted().forEach(out::add);
        }
        return out;
    }

    static Divergence first(Path sample, String model) throws Exception {
        List<Divergence> d = new ArrayList<>();
        if (sample.toString().endsWith(".jsonl")) {
            ReplaySamplesTest.Recording r = ReplaySamplesTest.record(Files.readString(sample));
            new Replayer(new ReplayOptions(model, -1, 1)).run(r.reader(), d::add);
        } else {
            try (TraceReader r = TraceFiles.open(sample)) {
                new Replayer(new ReplayOptions(model, -1, 1)).run(r, d::add);
            }
        }
        return d.isEmpty() ? null : d.get(0);
    }

    @TestFactory
    Stream<DynamicTest> everyFirstDivergenceIsAtADocumentedDifference() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String model : RmmModels.all().keySet()) {
            if (model.equals("1.0")) continue;
            tests.add(DynamicTest.dynamicTest(model, () -> {
                int diverged = 0;
                for (Path sample : samples()) {
                    Divergence d = first(sample, model);
                    if (d == null) continue;
                    diverged++;
                    assertFalse(new KnownDifferences("1.0", model).at(d).isEmpty(),
                            sample.getFileName() + " on " + model + ": first divergence at no documented difference: " + d);
                }
                assertTrue(diverged > 0, "some sample shows " + model + "'s difference");
            }));
        }
        return tests.stream();
    }
}
