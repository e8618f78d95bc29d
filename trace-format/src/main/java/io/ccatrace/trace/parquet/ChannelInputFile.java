package io.ccatrace.trace.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file for parquet-java's reader, as its {@code LocalInputFile} (same stream, same
 * exceptions), except that a {@link ByteBuffer} is read straight into through the file's
 * channel: parquet-java's stream reads every column chunk into a new array of the chunk's
 * size first and copies it over, so each row group's chunks were allocated twice.
 */
final class ChannelInputFile implements InputFile {
    private final Path path;
    private long length = -1;

    ChannelInputFile(Path path) {
        this.path = path;
    }

    @Override
    public long getLength() throws IOException {
        if (length < 0) length = Files.size(path);
        return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
        FileChannel channel = file.getChannel();
        return new SeekableInputStream() {
            @Override
            public int read() throws IOException {
                return file.read();
            }

            @Override
            public long getPos() throws IOException {
                return file.getFilePointer();
            }

            @Override
            public void seek(long pos) throws IOException {
                file.seek(pos);
            }

            @Override
            public void readFully(byte[] b) throws IOException {
                file.readFully(b);
            }

            @Override
            public void readFully(byte[] b, int off, int len) throws IOException {
                file.readFully(b, off, len);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return file.read(b, off, len);
            }

            @Override
            public int read(ByteBuffer buf) throws IOException {
                return channel.read(buf);
            }

            /** Reads until buf is full; the end of the file first is an {@link EOFException}, as RandomAccessFile.readFully. */
            @Override
            public void readFully(ByteBuffer buf) throws IOException {
                while (buf.hasRemaining()) {
                    if (channel.read(buf) < 0) throw new EOFException();
                }
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }
}
