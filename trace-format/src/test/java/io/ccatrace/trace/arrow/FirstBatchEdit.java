package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;

/** Test helper: overwrites bytes of a column's data buffer in the first record batch of an Arrow trace. */
final class FirstBatchEdit {
    private FirstBatchEdit() {
    }

    /** Writes bytes at byte offset `at` of column c's data buffer (its buffer after the validity bitmap). */
    static void overwrite(Path p, Column c, long at, ByteBuffer bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            IpcStream ipc = new IpcStream(p.toString(), ch);
            while (ipc.next()) {
                if (ipc.message().headerType() != MessageHeader.RecordBatch) continue;
                RecordBatch rb = (RecordBatch) ipc.message().header(new RecordBatch());
                Buffer data = rb.buffers(new Buffer(), IpcColumns.firstBuffer(c) + 1);
                ch.write(bytes, ipc.bodyStart() + data.offset() + at);
                return;
            }
        }
        throw new AssertionError("no record batch in " + p);
    }
}
