package io.ccatrace.trace;

import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.nio.file.Path;

/**
 * Child process for {@link CrashSafetyTest}: records N events (args: file, N, and "direct" for
 * O_DIRECT writes or "buffered" for ordinary ones), says so, then waits to be killed.
 */
public final class RecordUntilKilled {
    private RecordUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        ArrowWrite how = ArrowWrite.DEFAULT.withDirectIo(args[2].equals("direct"));
        TraceWriter w = TraceFiles.create(Path.of(args[0]), TraceMetadata.empty(), how);
        SyntheticTrace events = new SyntheticTrace(Long.parseLong(args[1]), 1);
        while (events.hasNext()) w.write(events.next());
        System.out.println("written");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
