package io.ccatrace.cli;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.EnumSet;
import java.util.Set;

/**
 * Notes whether one realm appears in a trace (any row whose realm column is its RD:
 * docs/trace-format.md, rows table), so that `explain --realm RD` can tell "no such realm"
 * from "did not crash". Reports nothing.
 */
final class RealmSeen implements Rule {
    private final long rd;
    private boolean seen;

    RealmSeen(long rd) {
        this.rd = rd;
    }

    boolean seen() {
        return seen;
    }

    @Override
    public String id() {
        return "realm-seen";
    }

    @Override
    public String title() {
        return "whether realm " + Long.toHexString(rd) + " exists";
    }

    @Override
    public String specRef() {
        return "";
    }

    @Override
    public Set<EventKind> kinds() {
        return EnumSet.of(EventKind.REALM_STATE, EventKind.REC_STATE, EventKind.GRANULE_STATE, EventKind.RTT_ENTRY,
                EventKind.MEASUREMENT, EventKind.RSI_CALL, EventKind.REC_EXIT, EventKind.STAGE2_FAULT);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (e.realm() == rd) seen = true;
    }
}
