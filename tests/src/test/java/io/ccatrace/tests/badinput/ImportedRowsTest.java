package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dump of the boot trace with one line edited, imported back. Lines that are not the dump's
 * JSON form, and rows that break a constraint docs/trace-format.md states for a column, are
 * refused: exit 2, one line naming the file and the line, and no trace written. The
 * unedited dump imports.
 */
class ImportedRowsTest {
    @TempDir
    static Path dir;
    static List<String> dump;

    @BeforeAll
    static void dumpBoot() throws IOException {
        dump = bootDump(dir);
    }

    /** The dump lines of the boot scenario (seed 1), recorded into dir. */
    static List<String> bootDump(Path dir) throws IOException {
        Path t = dir.resolve("boot.parquet");
        assertEquals(0, Cli.run("record", "--scenario", "boot", "--seed", "1", "-o", t.toString()).code());
        Cli d = Cli.run("dump", t.toString());
        assertEquals(0, d.code(), d.err());
        return d.out().lines().toList();
    }

    /** The first line (0-based) of lines at or after from that contains every one of has. */
    /** The line with the first occurrence of {@code from} (taken literally) replaced by {@code to}. */
    static String replaceOnce(String line, String from, String to) {
        return line.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static int find(List<String> lines, int from, String... has) {
        for (int i = from; i < lines.size(); i++) {
            boolean all = true;
            for (String h : has) all &= lines.get(i).contains(h);
            if (all) return i;
        }
        throw new AssertionError("no dump line with " + String.join(", ", has));
    }

    private static Cli importEdited(String name, int line, UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(dump);
        String edited = edit.apply(lines.get(line));
        assertFalse(edited.equals(lines.get(line)), "the edit changed nothing: " + edited);
        lines.set(line, edited);
        Path events = Files.write(dir.resolve(name + ".jsonl"), lines);
        Path out = dir.resolve(name + ".parquet");
        Cli r = Cli.run("import", events.toString(), "-o", out.toString());
        assertFalse(r.code() == 2 && Files.exists(out), "a refused import left " + out);
        return r;
    }

    @Test
    void theUneditedDumpImports() throws IOException {
        Path events = Files.write(dir.resolve("whole.jsonl"), dump);
        Cli r = Cli.run("import", events.toString(), "-o", dir.resolve("whole.parquet").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }

    /**
     * Each row: a name, the line to edit (the first after line 20 that contains the second
     * column and the text replaced), the text replaced and its replacement, what the error names.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the JSON form (script-format.md "Dump", docs/trace-format.md "JSONL")
        "not JSON          | \"kind\":\"RMI_CALL\"      | \"kind\"         | \"kind        | not JSON",
        "unknown kind      | \"kind\":\"RMI_CALL\"      | \"kind\":\"RMI_CALL\" | \"kind\":\"RMI_CALLED\" | RMI_CALLED",
        "no kind           | \"kind\":\"RMI_CALL\"      | \"kind\":\"RMI_CALL\", | ''       | kind",
        "seq as text       | \"kind\":\"NS_WRITE\"      | \"seq\":          | \"seq\":\"abc\",\"x\": | seq",
        "time as a list    | \"kind\":\"NS_WRITE\"      | \"time\":         | \"time\":[1],\"x\": | time",
        "huge pa           | \"kind\":\"NS_WRITE\"      | \"pa\":\"0x       | \"pa\":\"0x100000000000000000 | pa",
        "level beyond int  | \"kind\":\"RTT_ENTRY\"     | \"level\":        | \"level\":99999999999,\"x\": | level",
        // the column constraints (docs/trace-format.md "Columns")
        "level 40          | \"kind\":\"RTT_ENTRY\"     | \"level\":3       | \"level\":40 | level 40",
        "ASSIGNED at 0     | \"to\":\"ASSIGNED\"        | \"level\":3       | \"level\":0  | ASSIGNED at level 0",
        "negative time     | \"kind\":\"NS_WRITE\"      | \"time\":         | \"time\":-5,\"x\": | time -5",
        "time going back   | \"kind\":\"REC_EXIT\"      | \"time\":         | \"time\":0,\"x\": | time 0",
        "cause on an input | \"kind\":\"NS_READ\"       | \"input\":true    | \"input\":true,\"cause_seq\":0 | cause_seq",
        "cause after seq   | \"kind\":\"PAS_CHANGE\"    | \"cause_seq\":    | \"cause_seq\":99999,\"x\": | cause_seq 99999",
        "effect no cause   | \"kind\":\"GRANULE_STATE\" | \"cause_seq\":    | \"x\":      | cause_seq",
        "negative cpu      | \"kind\":\"NS_WRITE\"      | \"cpu\":          | \"cpu\":-1,\"x\": | cpu -1",
        "ripas             | \"to_ripas\":\"RAM\"       | \"to_ripas\":\"RAM\" | \"to_ripas\":\"MAYBE\" | to_ripas",
        "pas               | \"kind\":\"PAS_CHANGE\"    | \"to\":\"REALM\"  | \"to\":\"ELSEWHERE\" | ELSEWHERE",
        "exit reason       | \"exit_reason\":\"IRQ\"    | \"IRQ\"           | \"NMI\"     | exit_reason",
        "access            | \"access\":\"WRITE\"       | \"WRITE\"         | \"SCRIBBLE\" | access",
        "half              | \"half\":\"PROTECTED\"     | \"PROTECTED\"     | \"SIDEWAYS\" | half",
        "outcome           | \"outcome\":\"EXIT_TO_HOST\" | \"EXIT_TO_HOST\" | \"LOST\"  | outcome",
        "measurement slot  | \"kind\":\"MEASUREMENT\"   | \"index\":0       | \"index\":7 | index 7"})
    void refusedNamingTheLine(String name, String where, String from, String to, String named) throws IOException {
        String f = from.strip();
        String t = to.strip();
        int line = find(dump, 20, where.strip(), f);
        Cli r = importEdited(name.strip().replace(' ', '-'), line,
                l -> replaceOnce(l, f, t));
        r.badInput(dir.resolve(name.strip().replace(' ', '-') + ".jsonl").toString(), "line " + (line + 1) + ":", named.strip());
    }

    /**
     * A JSONL trace file cut inside its last line (a recording to .jsonl killed while it wrote)
     * reads as an unfinished recording (docs/trace-format.md, "JSONL"): its import keeps every
     * whole row and stays unfinished, as convert keeps it, instead of being marked complete.
     */
    @Test
    void aCutJsonlTraceFileImportsAsAnUnfinishedTrace() throws IOException {
        Path whole = dir.resolve("boot-trace.jsonl");
        assertEquals(0, Cli.run("convert", dir.resolve("boot.parquet").toString(), whole.toString()).code());
        String text = Files.readString(whole);
        int cut = text.lastIndexOf("\"kind\":\"RMI_CALL\"");   // inside the last RMI_CALL row
        Path torn = Files.writeString(dir.resolve("torn.jsonl"), text.substring(0, cut));
        long wholeRows = text.substring(0, cut).lines().count() - 2;   // minus the metadata line and the cut one
        Path out = dir.resolve("torn.parquet");
        Cli r = Cli.run("import", torn.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("imported " + wholeRows + " events into " + out + ", an unfinished trace"), r.out());
        Cli v = Cli.run("verify", out.toString());
        assertTrue(v.out().contains("INCOMPLETE"), v.out() + v.err());
        Path plainDump = Files.write(dir.resolve("plain-dump.jsonl"), dump);
        Cli plain = Cli.run("import", plainDump.toString(), "-o", dir.resolve("plain.parquet").toString());
        assertFalse(plain.out().contains("unfinished"), "a plain dump has no trailer and imports complete: " + plain.out());
    }

    @Test
    void aNewerFormatIsRefusedByImportAsByEveryReader() throws IOException {
        List<String> lines = new ArrayList<>(dump);
        lines.add(0, "{\"metadata\":{\"ccatrace.format_version\":\"9\",\"ccatrace.min_reader_version\":\"9\"}}");
        Path events = Files.write(dir.resolve("newer.jsonl"), lines);
        Cli.run("import", events.toString(), "-o", dir.resolve("newer.parquet").toString())
                .badInput(events.toString(), "needs a reader of format 9");
        assertTrue(Files.notExists(dir.resolve("newer.parquet")));
    }
}
