package io.ccatrace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.trace.RowSink;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceFiles;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.TraceReader;
import io.ccatrace.trace.arrow.ArrowStreamSink;
import io.ccatrace.trace.chain.HashChain;
import io.ccatrace.trace.jsonl.JsonlSink;
import io.ccatrace.trace.parquet.ParquetSink;
import io.ccatrace.trace.parquet.StorageDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;

/**
 * A recorded boot trace and copies of it with one event changed after recording: the rows are
 * written with the integrity chain of the original rows, as an editor that does not know the
 * chain would leave them. Parquet comes twice: with the storage digest of the original bytes
 * kept in the footer (so it no longer matches the stored bytes) and without the digest key
 * (the path for Parquet files from other writers).
 */
record TamperedTraces(Path clean, List<Path> tampered, List<Path> untouched, long lastSeq, long someRec) {

    static TamperedTraces make(Path dir) throws IOException {
        Path clean = dir.resolve("clean.jsonl");
        String[] r = ReplayCliTest.run("record", "--scenario", "boot", "--seed", "1", "-o", clean.toString());
        assertEquals("0", r[0], r[2]);
        List<TraceEvent> good = new ArrayList<>();
        TraceMetadata meta;
        try (TraceReader in = TraceFiles.open(clean)) {
            meta = in.metadata();
            while (in.hasNext()) good.add(in.next());
        }
        List<TraceEvent> bad = new ArrayList<>(good);
        int at = editable(good);
        bad.set(at, good.get(at).toBuilder().time(good.get(at).time() + 1).build());
        long rec = good.stream().mapToLong(TraceEvent::rec).filter(v -> v != TraceEvent.NULL).findFirst().orElseThrow();

        List<Path> tampered = new ArrayList<>();
        List<Path> untouched = new ArrayList<>(List.of(clean));
        TraceMetadata header = TraceFiles.header(meta);
        for (String ext : List.of("jsonl", "arrows", "parquet")) {
            Path t = dir.resolve("tampered." + ext);
            write(t, header, bad, good);
            tampered.add(t);
            if (!ext.equals("jsonl")) {
                Path u = dir.resolve("untouched." + ext);
                write(u, header, good, good);
                untouched.add(u);
            }
        }
        Path digestKept = tampered.get(2);
        replaceOnce(digestKept, storageDigest(digestKept), flipFirst(storageDigest(digestKept)));
        Path keyless = dir.resolve("tampered-nodigest.parquet");
        write(keyless, header, bad, good);
        replaceOnce(keyless, StorageDigest.KEY, StorageDigest.KEY.substring(0, StorageDigest.KEY.length() - 1) + "X");
        tampered.add(keyless);
        return new TamperedTraces(clean, tampered, untouched, good.get(good.size() - 1).seq(), rec);
    }

    /** An event in the second half whose time can grow by one without passing the next event's. */
    private static int editable(List<TraceEvent> rows) {
        for (int i = rows.size() / 2; i + 1 < rows.size(); i++) {
            if (rows.get(i + 1).time() > rows.get(i).time() + 1) return i;
        }
        throw new AssertionError("no event with room for an edit");
    }

    /** Writes `rows` with the chain checkpoints of `chained`: where they differ the chain breaks. */
    private static void write(Path p, TraceMetadata header, List<TraceEvent> rows, List<TraceEvent> chained)
            throws IOException {
        String name = p.toString();
        RowSink sink = name.endsWith(".jsonl") ? new JsonlSink(p, header)
                : name.endsWith(".arrows") ? new ArrowStreamSink(p, header, new RootAllocator())
                : new ParquetSink(p, header);
        HashChain chain = new HashChain();
        for (int i = 0; i < rows.size(); i++) {
            boolean boundary = chain.add(chained.get(i));
            sink.write(rows.get(i));
            if (boundary || i == rows.size() - 1) sink.checkpoint(chain.checkpoint());
        }
        sink.finish(TraceMetadata.empty().with(TraceMetadata.EVENT_COUNT, Integer.toString(rows.size()))
                .with(TraceMetadata.COMPLETE, "true").with(TraceMetadata.DIGEST, chain.lastHex()));
    }

    private static String storageDigest(Path parquet) throws IOException {
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                new org.apache.parquet.io.LocalInputFile(parquet))) {
            String d = r.getFooter().getFileMetaData().getKeyValueMetaData().get(StorageDigest.KEY);
            assertTrue(d != null && d.length() == 64, "one row group, one digest: " + d);
            return d;
        }
    }

    private static String flipFirst(String hex) {
        return (hex.charAt(0) == '0' ? '1' : '0') + hex.substring(1);
    }

    /** Replaces the only occurrence of an ASCII string in a file by another of the same length. */
    private static void replaceOnce(Path p, String from, String to) throws IOException {
        byte[] b = Files.readAllBytes(p);
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        assertEquals(f.length, t.length);
        int found = -1;
        for (int i = 0; i + f.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
                assertEquals(-1, found, from + " occurs once in " + p);
                found = i;
            }
        }
        assertTrue(found >= 0, from + " in " + p);
        System.arraycopy(t, 0, b, found, t.length);
        Files.write(p, b);
    }
}
