package io.ccatrace.analyzers.report;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.granule.GranuleState;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the HTML report draws: per realm, the intervals (seq from..to) during which
 * each RTT entry had a given state and RIPAS; and granule counts by state sampled over the
 * trace. Bounded: at most {@link #MAX_SPANS} spans per realm (later ones are counted, not
 * kept) and 400 samples (the sampling step doubles as the trace grows).
 */
public final class MemoryTimeline extends BaseRule {
    static final int MAX_SPANS = 4000;
    private static final int MAX_SAMPLES = 400;

    /** One drawn interval: an entry [ipa, ipa+size) in a state from seq to seq. */
    public record Span(long ipa, int level, String state, long from, long to) {
    }

    final LongMap<List<Span>> spans = new LongMap<>();
    private final LongMap<LongMap<String>> open = new LongMap<>();
    final LongMap<long[]> dropped = new LongMap<>();
    final List<long[]> samples = new ArrayList<>();
    private long step = 64;
    private long events;
    long lastSeq;

    public MemoryTimeline() {
        super("report", "report data", "-", EventKind.RTT_ENTRY, EventKind.GRANULE_STATE, EventKind.RMI_CALL,
                EventKind.NS_WRITE, EventKind.NS_READ, EventKind.GUEST_STEP, EventKind.RSI_CALL, EventKind.REC_EXIT,
                EventKind.STAGE2_FAULT, EventKind.GPF, EventKind.PAS_CHANGE, EventKind.MEASUREMENT,
                EventKind.REALM_STATE, EventKind.REC_STATE);
    }

    static String label(String to, String ripas) {
        if (to == null) return "?";
        switch (to) {
            case "ASSIGNED": return "RAM".equals(ripas) ? "mapped RAM" : "assigned " + ripas;
            case "UNASSIGNED": return "unassigned " + ripas;
            case "ASSIGNED_NS": return "NS mapped";
            case "UNASSIGNED_NS": return "NS unmapped";
            default: return to;
        }
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        lastSeq = e.seq();
        if (events++ % step == 0) sample(e.seq(), s);
        if (e.kind() != EventKind.RTT_ENTRY) return;
        int level = e.level() == TraceEvent.NULL_INT ? 3 : e.level();
        long key = (e.ipa() & ~0xFFFL) | (level + 1);
        LongMap<String> o = open.get(e.realm());
        if (o == null) {
            o = new LongMap<>();
            open.put(e.realm(), o);
        }
        int slot = o.find(key);
        if (slot >= 0) {
            close(e.realm(), e.ipa(), level, o.obj(slot), o.a(slot), e.seq());
            o.remove(key);
        }
        if (!"TABLE".equals(e.to())) {
            int n = o.slot(key);
            o.setA(n, e.seq());
            o.setObj(n, label(e.to(), e.toRipas()));
        }
    }

    private void close(long realm, long ipa, int level, String state, long from, long to) {
        List<Span> l = spans.get(realm);
        if (l == null) {
            l = new ArrayList<>();
            spans.put(realm, l);
        }
        if (l.size() < MAX_SPANS) {
            l.add(new Span(ipa, level, state, from, to));
        } else {
            int d = dropped.slot(realm);
            dropped.setA(d, dropped.a(d) + 1);
        }
    }

    private void sample(long seq, Shadow s) {
        long[] row = new long[GranuleState.values().length + 1];
        row[0] = seq;
        for (GranuleState g : GranuleState.values()) row[g.ordinal() + 1] = s.granules.count(g);
        samples.add(row);
        if (samples.size() > MAX_SAMPLES) {
            List<long[]> keep = new ArrayList<>();
            for (int i = 0; i < samples.size(); i += 2) keep.add(samples.get(i));
            samples.clear();
            samples.addAll(keep);
            step *= 2;
        }
    }

    @Override
    public void finish(Shadow s, FindingSink out) {
        for (long realm : open.sortedKeys()) {
            LongMap<String> o = open.get(realm);
            for (long key : o.sortedKeys()) {
                int slot = o.find(key);
                close(realm, key & ~0xFFFL, (int) (key & 0xFFF) - 1, o.obj(slot), o.a(slot), lastSeq);
            }
        }
        sample(lastSeq, s);
    }
}
