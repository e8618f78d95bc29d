package io.ccatrace.analyzers.finding;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Holds a rule's id, title, spec reference and event kinds. */
public abstract class BaseRule implements Rule {
    private final String id;
    private final String title;
    private final String specRef;
    private final Set<EventKind> kinds;

    protected BaseRule(String id, String title, String specRef, EventKind first, EventKind... rest) {
        this.id = id;
        this.title = title;
        this.specRef = specRef;
        this.kinds = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    @Override public String id() { return id; }
    @Override public String title() { return title; }
    @Override public String specRef() { return specRef; }
    @Override public Set<EventKind> kinds() { return kinds; }

    /**
     * For a call the spec requires to fail: a violation when the trace says it succeeded,
     * else (when refusing it was right and the call was misuse) a warning.
     */
    protected void reportCall(FindingSink out, EventView e, long realm, String ifAccepted,
                              String ifRefused, long... more) {
        long[] seqs = new long[more.length + 1];
        seqs[0] = e.seq();
        System.arraycopy(more, 0, seqs, 1, more.length);
        String status = e.status();
        if ("RMI_SUCCESS".equals(status) || "RSI_SUCCESS".equals(status)) {
            out.violation(id, realm, ifAccepted, seqs);
        } else if (ifRefused != null && status != null) {
            out.warning(id, realm, ifRefused + " (refused with " + status + ")", seqs);
        }
    }

    /** Lower-case hex with 0x, for messages. */
    protected static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
