package io.ccatrace.trace;

import io.ccatrace.trace.synthetic.SyntheticTrace;
import java.nio.file.Path;

/** Child process for {@link CrashSafetyTest}: records N events, says so, then waits to be killed. */
public final class RecordUntilKilled {
    private RecordUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        TraceWriter w = TraceFiles.create(Path.of(args[0]), TraceMetadata.empty());
        SyntheticTrace events = new SyntheticTrace(Long.parseLong(args[1]), 1);
        while (events.hasNext()) w.write(events.next());
        System.out.println("written");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
