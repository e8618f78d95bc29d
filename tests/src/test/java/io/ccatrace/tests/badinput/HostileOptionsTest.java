package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option values no command can honour, on a good trace: exit 2 and one line naming the
 * option (and the file where the problem is the trace's). The boot trace ends at seq 2425,
 * has one realm at RD 0x81000000 with s2sz 40 (docs/scenarios.md), so IPAs end at 2^40.
 */
class HostileOptionsTest {
    @TempDir
    static Path dir;
    static Path trace;

    @BeforeAll
    static void record() throws IOException {
        trace = dir.resolve("boot.parquet");
        Cli.run("record", "--scenario", "boot", "--seed", "1", "-o", trace.toString()).noStackTrace();
    }

    /** {T} is the trace, {O} an output path, {N} a missing directory; named is what the error line must contain. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "state {T} --at -1                          | --at",
        "state {T} --at 999999                      | 999999",
        "state {T} --at 2426                        | seq 2425",
        "state {T} --at 0xffff_ffff_ffff_ffff       | --at 18446744073709551615",
        "state {T} --at 9223372036854775808         | --at 9223372036854775808",
        "state {T} --at 100 --ipa zz                | --ipa",
        "state {T} --at 100 --ipa 0x1_0000_0000_0000_0000 | --ipa",
        "state {T} --at 2000 --ipa 0x100_0000_0000 --realm 0x81000000 | 0x10000000000",
        "state {T} --at 2000 --ipa 0xffff_ffff_ffff_ffff --realm 0x81000000 | --ipa",
        "history {T} --pa -5                        | --pa",
        "history {T} --ipa 0x1_0000_0000_0000_0000  | --ipa",
        "history {T} --pa 0x81000000 --realm 0x81000000 | --realm goes only with --ipa",
        "history {T} --ipa 0x80000000 --realm 0x12345000 | no row of the trace names this realm",
        "dump {T} --from 500 --to 100               | --from 500",
        "dump {T} --from -1                         | --from",
        "dump {T} --to 99999999999999999999999      | --to",
        "dump {T} --kind NOT_A_KIND                 | NOT_A_KIND",
        "dump {T} --format xml                      | xml",
        "replay {T} --max-divergences -1            | --max-divergences",
        "replay {T} --max-divergences 0             | --max-divergences",
        "replay {T} --until -1                      | --until",
        "replay {T} --rmm no-such-model             | no-such-model",
        "analyze {T} --rule no-such-rule            | no-such-rule",
        "analyze {T} --threads 0                    | --threads",
        "stats {T} --threads -1                     | --threads",
        "explain {T} --realm zz                     | --realm",
        "explain {T} --realm 0x12345000             | 0x12345000",
        "checkpoint {T} --every 0                   | --every",
        "checkpoint {T} --every -1                  | --every",
        "checkpoint {T} --every 0x8000_0000_0000_0000 | got 9223372036854775808",
        "record --scenario boot --checkpoints --every 0x8000_0000_0000_0000 -o {O} | got 9223372036854775808",
        "diff {T}                                   | --against",
        "diff {T} {T} --against no-such-model         | --against",
        "record --events -5 -o {O}.parquet          | --events",
        "record --events 99999999999999999 -o {O}.parquet | --events",
        "record --realms 0 -o {O}.parquet           | --realms",
        "record --vcpus 0 -o {O}.parquet            | --vcpus",
        "record --cpus 0 -o {O}.parquet             | --cpus",
        "record --realms 100000 -o {O}.parquet      | --realms",
        "record --seed zz -o {O}.parquet            | --seed",
        "record --scenario no-such -o {O}.parquet   | no-such",
        "record --inject no-such -o {O}.parquet     | no-such",
        "record -o {O}.csv                          | {O}.csv",
        "record -o {N}/x.parquet                   | {N}",
        "report {T} -o {N}/x.html                     | {N}",
        "convert {T} {O}.csv                          | {O}.csv",
        "convert {T} {T}                            | output is the input"})
    void oneLineNamingTheOption(String command, String named) {
        String out = dir.resolve("out").toString();
        String none = dir.resolve("no-such-dir").toString();
        String[] args = command.strip().replace("{T}", trace.toString()).replace("{N}", none).replace("{O}", out).split(" +");
        Cli.run(args).badInput(named.strip().replace("{O}", out).replace("{N}", none));
        assertFalse(Files.exists(Path.of(out + ".parquet")), "a refused command wrote " + out + ".parquet");
    }
}
