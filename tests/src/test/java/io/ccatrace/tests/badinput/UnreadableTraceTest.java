package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertAll;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that reads a trace, given a file it cannot read (missing, a directory, empty,
 * a PNG, the wrong extension, a Parquet file cut short or with damaged pages): exit 2, one
 * line naming the file, no stack trace, no hang. analyze, stats and diff decode only the
 * columns they need: damage elsewhere is the one warning of a broken integrity chain.
 */
class UnreadableTraceTest {
    @TempDir
    static Path dir;
    static BadFiles files;

    @BeforeAll
    static void make() throws IOException {
        files = BadFiles.make(dir);
    }

    /** T is the bad file, G a good trace, O an output path. */
    @ParameterizedTest
    @ValueSource(strings = {"dump T", "info T", "verify T", "convert T O.parquet", "import T -o O.parquet",
        "replay T", "state T --at 10", "history T --pa 0x80000000", "diff T G", "diff G T", "checkpoint T",
        "analyze T", "analyze --threads 1 T", "explain T", "stats T", "report T -o O.html"})
    void oneLineNamingTheFile(String template) {
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, Path> bad : files.unreadable().entrySet()) {
            Path t = bad.getValue();
            if (template.startsWith("import") && !bad.getKey().startsWith("missing")
                    && !bad.getKey().startsWith("directory") && !bad.getKey().contains("png")
                    && !bad.getKey().contains("named jsonl")) {
                continue; // import reads any file as JSON lines: only the non-JSON ones are bad for it
            }
            String[] args = template.replace("T", t.toString()).replace("G", files.parquet().toString())
                    .replace("O.", dir.resolve("out-" + t.getFileName()) + ".").split(" ");
            boolean someColumns = template.startsWith("analyze") || template.startsWith("stats") || template.startsWith("diff");
            if (someColumns && bad.getKey().contains("damaged")) {
                checks.add(() -> Cli.run(args).refusedOrWarned(t.toString()));
            } else {
                checks.add(() -> Cli.run(args).badInput(t.toString()));
            }
        }
        assertAll(template, checks);
    }
}
