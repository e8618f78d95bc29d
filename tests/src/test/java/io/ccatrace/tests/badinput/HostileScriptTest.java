package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Action scripts with one hostile line 3 (shared/spec/script-format.md: "An unknown op, a
 * missing field, or a malformed value stops the run before anything executes, with line N:
 * <what is wrong> and exit code 2. Nothing half-runs."): one line naming the script and line 3,
 * no trace written, and an existing output file left as it was.
 */
class HostileScriptTest {
    private static final String MACHINE = "{\"op\": \"machine\"}";
    private static final String DELEGATE = "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x8010_0000\"]}";

    @TempDir
    Path dir;

    private Cli run(String line3, Path out) throws IOException {
        Path script = Files.writeString(dir.resolve("s.jsonl"), String.join("\n", MACHINE, DELEGATE, line3, DELEGATE) + "\n");
        return Cli.run("run", script.toString(), "-o", out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0x1_0000_0000_0000_0000\"]} | 64 bits",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [-1]}                         | negative",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [\"0xZZ\"]}                    | 0xZZ",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\", \"args\": [1.5]}                        | 1.5",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_GRANULE_DELEGATE\"}                                         | args",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_REALM_CREATE\", \"args\": [1]}                             | RMI_REALM_CREATE",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_NO_SUCH\", \"args\": [1]}                                  | RMI_NO_SUCH",
        "{\"op\": \"rmi\", \"fid\": \"0x1_0000_0000_0000_0000\", \"args\": []}                        | fid",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_VERSION\", \"args\": [0], \"cpu\": 99}                     | cpu",
        "{\"op\": \"teleport\"}                                                                       | teleport",
        "{\"cmd\": \"RMI_VERSION\"}                                                                   | op",
        "{\"op\": \"machine\"}                                                                        | machine",
        "{\"op\": \"ns_write\", \"pa\": \"0x8000_0000\", \"fill\": 300}                               | fill",
        "{\"op\": \"ns_write\", \"pa\": \"0x8000_0ff0\", \"bytes\": \"000102030405060708090a0b0c0d0e0f1011\"} | granule",
        "{\"op\": \"ns_read\", \"pa\": \"0x8000_0000\", \"len\": \"0xffff_ffff_ffff\"}              | len",
        "{\"op\": \"realm\", \"rec\": \"0x8010_0000\", \"steps\": [{\"read\": \"0x1000\", \"size\": 3}]} | size",
        "{\"op\": \"realm\", \"rec\": \"0x8010_0000\", \"steps\": [{\"call\": \"RSI_NO_SUCH\"}]}      | RSI_NO_SUCH",
        "{\"op\": \"ns_write\", \"pa\": \"0x8000_0000\", \"realm_params\": {\"s2sz\": \"0x1_0000_0000_0000_0000\"}} | s2sz",
        "{\"op\": \"rmi\",                                                                            | JSON",
        "[1, 2]                                                                                       | object",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_VERSION\", \"args\": [0], \"args\": [1]}                | Duplicate",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_VERSION\", \"args\": [0]} {}                               | JSON",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_VERSION\", \"args\": [0], \"comment\": \"x\"}           | comment",
        "{\"op\": \"rmi\", \"cmd\": null, \"args\": [0]}                                          | null",
        "{\"op\": \"rmi\", \"cmd\": \"RMI_VERSION\", \"args\": [\"-0x1\"]}                        | -0x1",
        "{\"op\": \"ns_write\", \"pa\": \"0x8000_0000\", \"realm_params\": {\"rtt_level_start\": -9223372036854775809}} | rtt_level_start",
        "{\"op\": \"ns_write\", \"pa\": \"0x8000_0000\", \"realm_params\": {\"s2sz\": -1}}     | s2sz",
        "{\"op\": \"realm\", \"rec\": \"0x8010_0000\", \"steps\": [{\"wfi\": false}]}           | wfi"})
    void refusedBeforeAnythingRuns(String line3, String named) throws IOException {
        Path out = dir.resolve("out.arrows");
        run(line3, out).badInput(dir.resolve("s.jsonl").toString(), "line 3", named.strip());
        assertFalse(Files.exists(out), "a refused script wrote " + out);
    }

    @Test
    void anExistingOutputIsLeftAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("kept.arrows"), "not touched");
        run("{\"op\": \"teleport\"}", out).badInput("line 3");
        assertArrayEquals("not touched".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
    }

    @Test
    void aMissingScriptOrADirectoryIsOneLine() {
        Cli.run("run", dir.resolve("none.jsonl").toString(), "-o", dir.resolve("o.arrows").toString())
                .badInput(dir.resolve("none.jsonl").toString(), "no such file");
        Cli.run("run", dir.toString(), "-o", dir.resolve("o.arrows").toString()).badInput(dir.toString(), "directory");
    }
}
