package io.ccatrace.tests.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded boot trace in the three formats, and files no command can read: missing, a
 * directory, empty, a PNG, the wrong extension for the content, a Parquet file cut short and
 * Parquet files with damaged pages. Made once per test class.
 */
record BadFiles(Path arrows, Path parquet, Path jsonl, Map<String, Path> unreadable) {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    static BadFiles make(Path dir) throws IOException {
        Path arrows = dir.resolve("boot.arrows");
        Cli rec = Cli.run("record", "--scenario", "boot", "--seed", "1", "-o", arrows.toString());
        assertEquals(0, rec.code(), rec.err());
        Path parquet = dir.resolve("boot.parquet");
        Path jsonl = dir.resolve("boot.jsonl");
        assertEquals(0, Cli.run("convert", arrows.toString(), parquet.toString()).code());
        assertEquals(0, Cli.run("convert", arrows.toString(), jsonl.toString()).code());

        Map<String, Path> bad = new LinkedHashMap<>();
        bad.put("missing", dir.resolve("missing.parquet"));
        bad.put("directory", Files.createDirectory(dir.resolve("folder.parquet")));
        for (String ext : List.of("arrows", "parquet")) {
            bad.put("empty " + ext, Files.write(dir.resolve("empty." + ext), new byte[0]));
        }
        for (String ext : List.of("arrows", "parquet", "jsonl")) {
            bad.put("png " + ext, Files.write(dir.resolve("image." + ext), PNG));
        }
        byte[] pq = Files.readAllBytes(parquet);
        bad.put("parquet named arrows", Files.write(dir.resolve("parquet-inside.arrows"), pq));
        bad.put("arrows named parquet", Files.write(dir.resolve("arrows-inside.parquet"), Files.readAllBytes(arrows)));
        bad.put("parquet named jsonl", Files.write(dir.resolve("parquet-inside.jsonl"), pq));
        bad.put("parquet cut in half", Files.write(dir.resolve("half.parquet"), Arrays.copyOf(pq, pq.length / 2)));
        bad.put("parquet without its last byte", Files.write(dir.resolve("cut1.parquet"), Arrays.copyOf(pq, pq.length - 1)));
        bad.putAll(damaged(dir, pq));
        bad.putAll(brokenFooter(dir, pq));
        return new BadFiles(arrows, parquet, jsonl, bad);
    }

    /**
     * Copies of the Parquet trace with 16 bytes overwritten inside its footer (the Thrift
     * metadata before the last 8 bytes: its length, little-endian, and the magic), at 10%..70%
     * of it: those that `dump` cannot open. The footer parser's own failure must not reach the
     * user as a Java class name or an object identity.
     */
    private static Map<String, Path> brokenFooter(Path dir, byte[] pq) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        int n = pq.length;
        int len = (pq[n - 8] & 0xFF) | (pq[n - 7] & 0xFF) << 8 | (pq[n - 6] & 0xFF) << 16 | (pq[n - 5] & 0xFF) << 24;
        int start = n - 8 - len;
        for (int k = 1; k <= 7; k++) {
            int at = start + len * k / 10;
            byte[] b = pq.clone();
            for (int i = 0; i < 16; i++) b[at + i] ^= (byte) 0xA5;
            Path p = Files.write(dir.resolve("footer-broken-at-" + at + ".parquet"), b);
            if (Cli.run("dump", p.toString()).code() != 0) out.put("parquet with a broken footer at byte " + at, p);
        }
        assertFalse(out.isEmpty(), "no damage inside the footer made the trace unreadable");
        return out;
    }

    /**
     * Copies of the Parquet trace with 16 bytes overwritten at several places of the column
     * chunks (the first 4 bytes are the magic, the footer sits at the end): those that `dump`
     * cannot read. Which places break a page is the codec's business, so at least one must.
     */
    private static Map<String, Path> damaged(Path dir, byte[] pq) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        List<Integer> tried = new ArrayList<>();
        for (int k = 1; k <= 9; k++) {
            int at = (int) (pq.length * 0.6 * k / 10);
            byte[] b = pq.clone();
            for (int i = 0; i < 16; i++) b[at + i] ^= (byte) 0xA5;
            Path p = Files.write(dir.resolve("damaged-at-" + at + ".parquet"), b);
            tried.add(at);
            if (Cli.run("dump", p.toString()).code() != 0) out.put("parquet damaged at byte " + at, p);
        }
        assertFalse(out.isEmpty(), "no damage at " + tried + " made the trace unreadable");
        return out;
    }
}
