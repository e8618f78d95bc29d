package io.ccatrace.trace.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local output file that computes the storage digest ({@link StorageDigest}) of the row
 * groups written through it: between {@link #beginRowGroup()} and {@link #endRowGroup()}
 * (around the column chunks of one row group, which the writer puts one after the other in
 * column order) every byte written goes into SHA-256 after the previous row group's digest.
 */
final class DigestingOutputFile implements OutputFile {
    private final LocalOutputFile file;
    private final MessageDigest sha = StorageDigest.sha256();
    private final StringBuilder digests = new StringBuilder();
    private byte[] last = new byte[StorageDigest.LENGTH];
    private boolean capturing;

    DigestingOutputFile(Path path) {
        this.file = new LocalOutputFile(path);
    }

    /** The bytes written from now on, up to {@link #endRowGroup()}, are one row group's chunks. */
    void beginRowGroup() {
        sha.update(last);
        capturing = true;
    }

    void endRowGroup() {
        capturing = false;
        last = sha.digest();
        if (digests.length() > 0) digests.append(',');
        digests.append(StorageDigest.hex(last));
    }

    /** The footer value of {@link StorageDigest#KEY}: each row group's digest in hex, comma separated. */
    String value() {
        return digests.toString();
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return new Tap(file.create(blockSizeHint));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return new Tap(file.createOrOverwrite(blockSizeHint));
    }

    @Override
    public boolean supportsBlockSize() {
        return file.supportsBlockSize();
    }

    @Override
    public long defaultBlockSize() {
        return file.defaultBlockSize();
    }

    @Override
    public String getPath() {
        return file.getPath();
    }

    /** Passes every write on, and into the digest while a row group's chunks are written. */
    private final class Tap extends PositionOutputStream {
        private final PositionOutputStream out;

        Tap(PositionOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (capturing) sha.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (capturing) sha.update(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
