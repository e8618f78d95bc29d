package io.ccatrace.tests.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input rows replay cannot feed to a machine (an operand missing, an access no host or guest
 * can make: script-format.md), edited into a dump of the boot trace: `replay` and
 * `diff --against` stop with one line naming the file and the seq, exit 2, instead of a
 * "model error" divergence or a silent replay.
 */
class UnreplayableRowsTest {
    @TempDir
    static Path dir;
    static List<String> dump;

    @BeforeAll
    static void dumpBoot() throws IOException {
        dump = ImportedRowsTest.bootDump(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "write across a granule | \"kind\":\"NS_WRITE\"   | \"payload\":\"   | \"payload\":\"" + "00000000000000000000000000000000" + "  | crosses a 4 KiB granule",
        "access of 3 bytes      | \"cmd\":\"write\"       | \"size\":8       | \"size\":3       | size 3",
        "no fid                 | \"kind\":\"RMI_CALL\"   | \"fid\":         | \"x\":           | fid",
        "unknown step           | \"cmd\":\"write\"       | \"cmd\":\"write\" | \"cmd\":\"teleport\" | teleport",
        "read of no size        | \"kind\":\"NS_READ\"    | \"size\":        | \"x\":           | size"})
    void refusedNamingTheSeq(String name, String where, String from, String to, String named) throws IOException {
        String f = from.strip();
        int line = ImportedRowsTest.find(dump, 20, where.strip(), f);
        List<String> lines = new ArrayList<>(dump);
        String edited = ImportedRowsTest.replaceOnce(lines.get(line), f, to.strip());
        if (name.startsWith("write across")) edited = edited.replaceFirst("\"pa\":\"0x([0-9a-f]*)[0-9a-f]{3}\"", "\"pa\":\"0x$1ff8\"");
        lines.set(line, edited);
        Path t = Files.write(dir.resolve(name.strip().replace(' ', '-') + ".jsonl"), lines);
        String seq = "seq " + edited.replaceAll("^\\{\"seq\":([0-9]+),.*", "$1") + ":";
        Cli.run("replay", t.toString()).badInput(t.toString(), seq, named.strip());
        Cli.run("diff", t.toString(), "--against", "1.0").badInput(t.toString(), seq, named.strip());
    }
}
