package io.ccatrace.replay;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceCursor;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.TraceMetadata;
import io.ccatrace.trace.chain.ContentHash;
import java.util.Iterator;
import java.util.List;

/**
 * Rows held in memory as a {@link TraceCursor}: one reused row object refilled by next(),
 * as the trace readers' cursors do, so a caller that keeps it past next() sees the next
 * row. Counts the rows read. {@link #hashed} also gives each row's keyed content hash, as
 * a cursor opened by {@link Replayer#openCursor} does, from rows of one's choosing.
 */
final class ListCursor implements TraceCursor {
    private final TraceMetadata meta;
    private final Iterator<TraceEvent> it;
    private final RowCopy row = new RowCopy();
    /** Rows read so far (read by other threads in tests of the read-ahead). */
    volatile int read;
    private long[] hashes;
    private boolean complete = true;

    ListCursor(TraceMetadata meta, List<TraceEvent> rows) {
        this.meta = meta;
        this.it = rows.iterator();
    }

    /** A cursor over rows whose attached hashes are those of hashedAs (same length; rows that cannot be hashed: 0, 0). */
    static ListCursor hashed(TraceMetadata meta, List<TraceEvent> rows, List<TraceEvent> hashedAs) {
        ListCursor c = new ListCursor(meta, rows);
        ContentHash h = new ContentHash();
        c.hashes = new long[2 * hashedAs.size()];
        for (int i = 0; i < hashedAs.size(); i++) {
            if (!h.hash(hashedAs.get(i))) continue;
            c.hashes[2 * i] = h.first();
            c.hashes[2 * i + 1] = h.second();
        }
        return c;
    }

    @Override
    public long[] attached() {
        return hashes;
    }

    @Override
    public int row() {
        return read - 1;
    }

    @Override
    public TraceMetadata metadata() {
        return meta;
    }

    @Override
    public long rowsRead() {
        return read;
    }

    @Override
    public boolean complete() {
        return complete;
    }

    /** As a recording that did not finish: complete() is false. */
    ListCursor unfinished() {
        complete = false;
        return this;
    }

    /** Rows in memory have no chain: none recomputed, none broken. */
    @Override
    public String chainBreak() {
        return null;
    }

    @Override
    public String computedDigest() {
        return null;
    }

    @Override
    public boolean next() {
        if (!it.hasNext()) return false;
        row.copyOf(it.next());
        read++;
        return true;
    }

    @Override
    public void close() {
    }

    @Override public long seq() { return row.seq(); }
    @Override public long time() { return row.time(); }
    @Override public EventKind kind() { return row.kind(); }
    @Override public int cpu() { return row.cpu(); }
    @Override public long causeSeq() { return row.causeSeq(); }
    @Override public String cmd() { return row.cmd(); }
    @Override public long fid() { return row.fid(); }
    @Override public long[] args() { return row.args(); }
    @Override public String status() { return row.status(); }
    @Override public int index() { return row.index(); }
    @Override public long[] out() { return row.out(); }
    @Override public long realm() { return row.realm(); }
    @Override public long rec() { return row.rec(); }
    @Override public long ipa() { return row.ipa(); }
    @Override public long pa() { return row.pa(); }
    @Override public int level() { return row.level(); }
    @Override public String from() { return row.from(); }
    @Override public String to() { return row.to(); }
    @Override public String fromRipas() { return row.fromRipas(); }
    @Override public String toRipas() { return row.toRipas(); }
    @Override public String pas() { return row.pas(); }
    @Override public String ripas() { return row.ripas(); }
    @Override public String exitReason() { return row.exitReason(); }
    @Override public long esr() { return row.esr(); }
    @Override public long far() { return row.far(); }
    @Override public long hpfar() { return row.hpfar(); }
    @Override public String access() { return row.access(); }
    @Override public String half() { return row.half(); }
    @Override public String outcome() { return row.outcome(); }
    @Override public long value() { return row.value(); }
    @Override public int size() { return row.size(); }
    @Override public byte[] payload() { return row.payload(); }
    @Override public TraceEvent toEvent() { return row.toEvent(); }
}
