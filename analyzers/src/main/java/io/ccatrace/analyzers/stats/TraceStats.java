package io.ccatrace.analyzers.stats;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.EnumSet;
import java.util.Set;

/**
 * Statistics over one or many traces, fed row by row (from {@link TraceEvent}s or, fast,
 * from projected {@link EventBatch}es). Definitions are in docs/analyzers.md. Memory is
 * fixed except per live granule (lifetimes) and per realm (summaries, at most 4096).
 */
public final class TraceStats {
    /** The columns the batch path projects. */
    public static final Set<Column> COLUMNS = EnumSet.of(Column.TIME, Column.KIND, Column.CMD,
            Column.STATUS, Column.REALM, Column.PA, Column.FROM, Column.TO, Column.FROM_RIPAS,
            Column.TO_RIPAS, Column.EXIT_REASON, Column.OUTCOME, Column.RIPAS);
    private static final int MAX_REALMS = 4096;
    private static final long NULL = TraceEvent.NULL;

    final NameTable names = new NameTable();
    long traces;
    long events;
    final long[] byKind = new long[EventKind.values().length];
    final Counts2 rmi = new Counts2();
    final Counts2 rsi = new Counts2();
    final Counts2 exits = new Counts2();
    final Counts2 faults = new Counts2();
    final Counts2 ripas = new Counts2();
    final Counts2 granules = new Counts2();
    final Histogram latency = new Histogram();
    Histogram[] latencyByCmd = new Histogram[16];
    final DelegatedSeries delegatedSeries = new DelegatedSeries();
    final LongMap<RealmSummary> realms = new LongMap<>(16);
    private final LongMap<Void> since = new LongMap<>(1024);
    long delegated;
    long peakDelegated;
    private int pendingCmd = -1;
    private long pendingTime;
    private final int realmName;
    private final int dataName;
    private final int delegatedName;

    public TraceStats() {
        realmName = names.id("REALM");
        dataName = names.id("DATA");
        delegatedName = names.id("DELEGATED");
    }

    /** Starts the next trace: per-trace state (pending latency, granule clocks) resets. */
    public void startTrace() {
        traces++;
        pendingCmd = -1;
        since.clear();
        delegated = 0;
    }

    public void accept(EventView e) {
        row(e.kind().ordinal(), e.time(), names.id(e.cmd()), names.id(e.status()), e.realm(), e.pa(),
                names.id(e.from()), names.id(e.to()), names.id(e.fromRipas()), names.id(e.toRipas()),
                names.id(e.exitReason()), names.id(e.outcome()), names.id(e.ripas()));
    }

    public void accept(EventBatch b) {
        int n = b.size();
        long[] time = b.longs(Column.TIME);
        int[] kind = b.ids(Column.KIND);
        long[] realm = b.longs(Column.REALM);
        long[] pa = b.longs(Column.PA);
        int[] cmd = global(b, Column.CMD, 0);
        int[] status = global(b, Column.STATUS, 1);
        int[] from = global(b, Column.FROM, 2);
        int[] to = global(b, Column.TO, 3);
        int[] fromRipas = global(b, Column.FROM_RIPAS, 4);
        int[] toRipas = global(b, Column.TO_RIPAS, 5);
        int[] reason = global(b, Column.EXIT_REASON, 6);
        int[] outcome = global(b, Column.OUTCOME, 7);
        int[] rip = global(b, Column.RIPAS, 8);
        int[] c = b.ids(Column.CMD);
        int[] st = b.ids(Column.STATUS);
        int[] fr = b.ids(Column.FROM);
        int[] t = b.ids(Column.TO);
        int[] fri = b.ids(Column.FROM_RIPAS);
        int[] tri = b.ids(Column.TO_RIPAS);
        int[] er = b.ids(Column.EXIT_REASON);
        int[] oc = b.ids(Column.OUTCOME);
        int[] ri = b.ids(Column.RIPAS);
        for (int r = 0; r < n; r++) {
            row(kind[r], time[r], g(cmd, c[r]), g(status, st[r]), realm[r], pa[r], g(from, fr[r]), g(to, t[r]),
                    g(fromRipas, fri[r]), g(toRipas, tri[r]), g(reason, er[r]), g(outcome, oc[r]), g(rip, ri[r]));
        }
    }

    private static int g(int[] global, int local) {
        return local < 0 ? -1 : global[local];
    }

    private int[][] maps = new int[9][];

    private int[] global(EventBatch b, Column c, int slot) {
        maps[slot] = names.map(b.names(c), maps[slot]);
        return maps[slot];
    }

    private void row(int kind, long time, int cmd, int status, long realm, long pa, int from, int to,
                     int fromRipas, int toRipas, int reason, int outcome, int rip) {
        events++;
        byKind[kind]++;
        EventKind k = EventKind.values()[kind];
        if (k.isInput() && pendingCmd >= 0) {
            long d = Math.max(0, time - pendingTime);
            latency.add(d);
            latencyFor(pendingCmd).add(d);
            pendingCmd = -1;
        }
        RealmSummary rs = realm == NULL ? null : summary(realm);
        if (rs != null) rs.touch(time);
        switch (k) {
            case RMI_CALL:
                rmi.add(cmd, status);
                pendingCmd = cmd;
                pendingTime = time;
                break;
            case RSI_CALL:
                rsi.add(cmd, status);
                if (rs != null) rs.rsiCalls++;
                break;
            case REC_EXIT:
                exits.add(reason, -1);
                if (rs != null) rs.exits++;
                break;
            case STAGE2_FAULT:
                faults.add(outcome, rip);
                if (rs != null) {
                    rs.faults++;
                    if ("SEA_INJECTED".equals(names.name(outcome))) rs.seas++;
                }
                break;
            case RTT_ENTRY:
                if (fromRipas >= 0 && toRipas >= 0 && fromRipas != toRipas) ripas.add(fromRipas, toRipas);
                if (rs != null) rs.rttChanges++;
                break;
            case PAS_CHANGE:
                if (to == realmName) delegated++;
                else if (from == realmName) delegated--;
                peakDelegated = Math.max(peakDelegated, delegated);
                delegatedSeries.record(time, delegated);
                break;
            case GRANULE_STATE:
                granuleState(time, pa, from, to, rs);
                break;
            case REALM_STATE:
                if (rs != null && to >= 0) rs.state = names.name(to);
                break;
            default:
                break;
        }
    }

    private void granuleState(long time, long pa, int from, int to, RealmSummary rs) {
        granules.add(from < 0 ? names.id("-") : from, to);
        int s = since.find(pa >>> 12);
        if (s >= 0 && from >= 0 && from != delegatedName) {
            lifetimeFor(from).add(Math.max(0, time - since.a(s)));
        }
        if (to >= 0 && to != delegatedName && !"UNDELEGATED".equals(names.name(to))) {
            int slot = since.slot(pa >>> 12);
            since.setA(slot, time);
        } else if (s >= 0) {
            since.remove(pa >>> 12);
        }
        if (rs != null && to == dataName) {
            rs.dataGranules++;
            rs.peakDataGranules = Math.max(rs.peakDataGranules, rs.dataGranules);
        } else if (from == dataName) {
            RealmSummary owner = rs;
            if (owner != null) owner.dataGranules--;
        }
    }

    private final java.util.HashMap<Integer, Histogram> lifetimeByName = new java.util.HashMap<>();

    private Histogram lifetimeFor(int state) {
        return lifetimeByName.computeIfAbsent(state, k -> new Histogram());
    }

    private Histogram latencyFor(int cmd) {
        if (cmd >= latencyByCmd.length) latencyByCmd = java.util.Arrays.copyOf(latencyByCmd, Math.max(cmd + 1, latencyByCmd.length * 2));
        if (latencyByCmd[cmd] == null) latencyByCmd[cmd] = new Histogram();
        return latencyByCmd[cmd];
    }

    private RealmSummary summary(long rd) {
        int s = realms.find(rd);
        if (s >= 0) return realms.obj(s);
        if (realms.size() >= MAX_REALMS) return null;
        RealmSummary r = new RealmSummary(rd);
        realms.put(rd, r);
        return r;
    }

    // ---- read access for the renderers ----

    java.util.Map<String, Histogram> lifetimes() {
        java.util.Map<String, Histogram> out = new java.util.TreeMap<>();
        for (java.util.Map.Entry<Integer, Histogram> e : lifetimeByName.entrySet()) out.put(names.name(e.getKey()), e.getValue());
        return out;
    }

    java.util.Map<String, Histogram> latencyByCommand() {
        java.util.Map<String, Histogram> out = new java.util.TreeMap<>();
        for (int i = 0; i < latencyByCmd.length; i++) {
            if (latencyByCmd[i] != null) out.put(names.name(i), latencyByCmd[i]);
        }
        return out;
    }

    public long events() {
        return events;
    }
}
