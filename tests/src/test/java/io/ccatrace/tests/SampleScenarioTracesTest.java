package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.cli.Ccatrace;
import io.ccatrace.model.scenario.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-records every sample scenario trace with its committed command line and requires the
 * same bytes (determinism across runs and builds). After an intended change to the model or
 * the trace format, sample-traces/scenarios/regenerate.sh records them again.
 */
class SampleScenarioTracesTest {
    static final Path DIR = Path.of("..", "sample-traces", "scenarios");

    @TempDir
    Path tmp;

    static List<String[]> commands() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("commands.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] words = line.trim().split("\\s+");
            out.add(Arrays.copyOfRange(words, 1, words.length));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everySampleReRecordsByteIdentical() throws Exception {
        return commands().stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
            String committed = args[args.length - 1];
            String[] again = args.clone();
            again[again.length - 1] = tmp.resolve(committed).toString();
            StringWriter err = new StringWriter();
            assertEquals(0, Ccatrace.run(new PrintWriter(new StringWriter()), new PrintWriter(err), again), err.toString());
            assertArrayEquals(Files.readAllBytes(DIR.resolve(committed)), Files.readAllBytes(tmp.resolve(committed)),
                    committed + " differs from a fresh recording: run sample-traces/scenarios/regenerate.sh "
                            + "if the change was intended");
        }));
    }

    @Test
    void everyScenarioHasASampleAndAReadmeEntry() throws Exception {
        String readme = Files.readString(DIR.resolve("README.md"));
        for (Scenario s : Scenario.values()) {
            String file = s.cliName() + ".parquet";
            assertTrue(Files.exists(DIR.resolve(file)), file);
            assertTrue(readme.contains("`" + file + "`"), "README row for " + file);
            assertTrue(commands().stream().anyMatch(a -> a[a.length - 1].equals(file)), "command for " + file);
        }
    }
}
