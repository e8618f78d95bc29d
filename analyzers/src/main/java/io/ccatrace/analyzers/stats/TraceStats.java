package io.ccatrace.analyzers.stats;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

    // not final: copy() replaces them with copies
    NameTable names = new NameTable();
    long traces;
    /** Traces a many-trace run could not read (counted by the caller: nothing of theirs is in here). */
    long skipped;
    long events;
    long[] byKind = new long[EventKind.values().length];
    Counts2 rmi = new Counts2();
    Counts2 rsi = new Counts2();
    Counts2 exits = new Counts2();
    Counts2 faults = new Counts2();
    Counts2 ripas = new Counts2();
    Counts2 granules = new Counts2();
    Histogram latency = new Histogram();
    Histogram[] latencyByCmd = new Histogram[16];
    DelegatedSeries delegatedSeries = new DelegatedSeries();
    /** The current trace's realm summaries by RD. */
    LongMap<RealmSummary> realms = new LongMap<>(16);
    /**
     * The summaries of the traces before the current one, in trace order and RD order within
     * a trace: a realm is one RD in one trace (two traces of a scenario use the same RDs for
     * different realms, whose counts must not add up).
     */
    List<RealmSummary> earlierRealms = new ArrayList<>();
    /** The current trace's name, for its realm summaries (null: none given). */
    private String trace;
    private final LongMap<Void> since = new LongMap<>(1024);
    long delegated;
    long peakDelegated;
    private int pendingCmd = -1;
    private long pendingTime;
    private final int realmName;
    private final int newName;
    private final int dataName;
    private final int delegatedName;
    private final int undelegatedName;
    private final int seaName;
    private final int noneName;
    /** Recently used realm summaries, 16 slots by a multiplicative hash of the RD's granule number. */
    private final long[] cachedRd = new long[16];
    private final RealmSummary[] cachedSummary = new RealmSummary[16];
    private static final EventKind[] KINDS = EventKind.values();
    private static final boolean[] INPUT = new boolean[KINDS.length];

    static {
        for (EventKind k : KINDS) INPUT[k.ordinal()] = k.isInput();
    }

    public TraceStats() {
        realmName = names.id("REALM");
        newName = names.id("NEW");
        dataName = names.id("DATA");
        delegatedName = names.id("DELEGATED");
        undelegatedName = names.id("UNDELEGATED");
        seaName = names.id("SEA_INJECTED");
        noneName = names.id("-");
    }

    /**
     * A deep copy of everything counted so far, to read the next trace into: a caller over many
     * traces keeps the copy only when the whole trace was read, so a trace that fails part-way
     * leaves nothing behind (its rows before the failure would otherwise be mixed into the
     * totals). A copy, not a merge of per-trace statistics: realm summaries, the delegated
     * series and the realm cap carry across traces in order, which a merge would have to
     * re-derive. Call before {@link #startTrace}; the per-trace state starts afresh there anyway.
     */
    public TraceStats copy() {
        TraceStats o = new TraceStats(); // its fixed name ids are the same in names.copy()
        o.names = names.copy();
        o.traces = traces;
        o.skipped = skipped;
        o.events = events;
        o.byKind = byKind.clone();
        o.rmi = rmi.copy();
        o.rsi = rsi.copy();
        o.exits = exits.copy();
        o.faults = faults.copy();
        o.ripas = ripas.copy();
        o.granules = granules.copy();
        o.latency = latency.copy();
        o.latencyByCmd = copies(latencyByCmd);
        o.lifetimeByState = copies(lifetimeByState);
        o.delegatedSeries = delegatedSeries.copy();
        for (long rd : realms.sortedKeys()) o.realms.put(rd, realms.get(rd).copy());
        for (RealmSummary r : earlierRealms) o.earlierRealms.add(r.copy());
        o.trace = trace;
        o.delegated = delegated;
        o.peakDelegated = peakDelegated;
        return o;
    }

    private static Histogram[] copies(Histogram[] hs) {
        Histogram[] out = new Histogram[hs.length];
        for (int i = 0; i < hs.length; i++) out[i] = hs[i] == null ? null : hs[i].copy();
        return out;
    }

    /** Counts a trace the caller skipped as unreadable (the report says how many). */
    public void skipTrace() {
        skipped++;
    }

    /** Starts the next trace, unnamed ({@link #startTrace(String)}). */
    public void startTrace() {
        startTrace(null);
    }

    /**
     * Starts the next trace, named name in its realm summaries: per-trace state (pending
     * latency, granule clocks, delegated count, the realms being summarised) resets, and the
     * previous trace's realm summaries are kept apart from the next one's.
     */
    public void startTrace(String name) {
        for (long rd : realms.sortedKeys()) earlierRealms.add(realms.get(rd));
        realms = new LongMap<>(16);
        trace = name;
        traces++;
        pendingCmd = -1;
        since.clear();
        delegated = 0;
        java.util.Arrays.fill(cachedSummary, null);
    }

    public void accept(EventView e) {
        int k = e.kind().ordinal();
        long time = e.time();
        RealmSummary rs = begin(k, time, e.realm());
        switch (KINDS[k]) {
            case RMI_CALL: rmiCall(time, names.id(e.cmd()), names.id(e.status())); break;
            case RSI_CALL: rsiCall(rs, names.id(e.cmd()), names.id(e.status())); break;
            case REC_EXIT: exit(rs, names.id(e.exitReason())); break;
            case STAGE2_FAULT: fault(rs, names.id(e.outcome()), names.id(e.ripas())); break;
            case RTT_ENTRY: rtt(rs, names.id(e.fromRipas()), names.id(e.toRipas())); break;
            case PAS_CHANGE: pasChange(time, names.id(e.from()), names.id(e.to())); break;
            case GRANULE_STATE: granuleState(time, e.pa(), names.id(e.from()), names.id(e.to()), rs); break;
            case REALM_STATE: realmState(rs, names.id(e.to()), time); break;
            default: break;
        }
    }

    /**
     * The columnar path: reads the projected arrays in place, and maps a name column's
     * batch dictionary to global ids once per batch, not per row.
     */
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
            int k = kind[r];
            long tm = time[r];
            RealmSummary rs = begin(k, tm, realm[r]);
            switch (KINDS[k]) {
                case RMI_CALL: rmiCall(tm, g(cmd, c[r]), g(status, st[r])); break;
                case RSI_CALL: rsiCall(rs, g(cmd, c[r]), g(status, st[r])); break;
                case REC_EXIT: exit(rs, g(reason, er[r])); break;
                case STAGE2_FAULT: fault(rs, g(outcome, oc[r]), g(rip, ri[r])); break;
                case RTT_ENTRY: rtt(rs, g(fromRipas, fri[r]), g(toRipas, tri[r])); break;
                case PAS_CHANGE: pasChange(tm, g(from, fr[r]), g(to, t[r])); break;
                case GRANULE_STATE: granuleState(tm, pa[r], g(from, fr[r]), g(to, t[r]), rs); break;
                case REALM_STATE: realmState(rs, g(to, t[r]), time[r]); break;
                default: break;
            }
        }
    }

    private static int g(int[] global, int local) {
        return local < 0 ? -1 : global[local];
    }

    private final int[][] maps = new int[9][];

    private int[] global(EventBatch b, Column c, int slot) {
        maps[slot] = names.map(b.names(c), maps[slot]);
        return maps[slot];
    }

    /** Per row: counts, the latency of the pending RMI call, the realm's summary (or null). */
    private RealmSummary begin(int kind, long time, long realm) {
        events++;
        byKind[kind]++;
        if (INPUT[kind] && pendingCmd >= 0) {
            long d = Math.max(0, time - pendingTime);
            latency.add(d);
            latencyFor(pendingCmd).add(d);
            pendingCmd = -1;
        }
        if (realm == NULL) return null;
        int h = (int) (((realm >>> 12) * 0x9E3779B97F4A7C15L) >>> 60);
        RealmSummary rs = cachedSummary[h];
        if (rs == null || cachedRd[h] != realm) {
            rs = summary(realm);
            if (rs == null) return null;
            cachedRd[h] = realm;
            cachedSummary[h] = rs;
        }
        rs.touch(time);
        return rs;
    }

    private void rmiCall(long time, int cmd, int status) {
        rmi.add(cmd, status);
        pendingCmd = cmd;
        pendingTime = time;
    }

    private void rsiCall(RealmSummary rs, int cmd, int status) {
        rsi.add(cmd, status);
        if (rs != null) rs.rsiCalls++;
    }

    private void exit(RealmSummary rs, int reason) {
        exits.add(reason, -1);
        if (rs != null) rs.exits++;
    }

    private void fault(RealmSummary rs, int outcome, int rip) {
        faults.add(outcome, rip);
        if (rs != null) {
            rs.faults++;
            if (outcome == seaName) rs.seas++;
        }
    }

    private void rtt(RealmSummary rs, int fromRipas, int toRipas) {
        if (fromRipas >= 0 && toRipas >= 0 && fromRipas != toRipas) ripas.add(fromRipas, toRipas);
        if (rs != null) rs.rttChanges++;
    }

    private void pasChange(long time, int from, int to) {
        if (to == realmName) delegated++;
        else if (from == realmName) delegated--;
        peakDelegated = Math.max(peakDelegated, delegated);
        delegatedSeries.record(time, delegated);
    }

    private void realmState(RealmSummary rs, int to, long time) {
        if (rs == null || to < 0) return;
        if (to == newName && !rs.state.isEmpty()) rs = nextLife(rs, time);
        if (rs != null) rs.state = names.name(to);
    }

    /**
     * A new realm with the RD of one destroyed earlier in this trace (a host reuses freed
     * granules; host-fuzz relaunches realms): the old realm's summary is closed, without the
     * new one's creation rows, and a new summary starts, so the two do not add up.
     */
    private RealmSummary nextLife(RealmSummary old, long time) {
        old.untouch(time);
        earlierRealms.add(old);
        realms.remove(old.rd);
        java.util.Arrays.fill(cachedSummary, null);
        if (realms.size() + earlierRealms.size() >= MAX_REALMS) return null;
        RealmSummary r = new RealmSummary(old.rd, trace, old.life + 1);
        realms.put(old.rd, r);
        r.touch(time);
        return r;
    }

    private void granuleState(long time, long pa, int from, int to, RealmSummary rs) {
        granules.add(from < 0 ? noneName : from, to);
        int s = since.find(pa >>> 12);
        if (s >= 0 && from >= 0 && from != delegatedName) {
            lifetimeFor(from).add(Math.max(0, time - since.a(s)));
        }
        if (to >= 0 && to != delegatedName && to != undelegatedName) {
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

    private Histogram[] lifetimeByState = new Histogram[16];

    private Histogram lifetimeFor(int state) {
        if (state >= lifetimeByState.length) {
            lifetimeByState = java.util.Arrays.copyOf(lifetimeByState, Math.max(state + 1, lifetimeByState.length * 2));
        }
        if (lifetimeByState[state] == null) lifetimeByState[state] = new Histogram();
        return lifetimeByState[state];
    }

    private Histogram latencyFor(int cmd) {
        if (cmd >= latencyByCmd.length) latencyByCmd = java.util.Arrays.copyOf(latencyByCmd, Math.max(cmd + 1, latencyByCmd.length * 2));
        if (latencyByCmd[cmd] == null) latencyByCmd[cmd] = new Histogram();
        return latencyByCmd[cmd];
    }

    private RealmSummary summary(long rd) {
        int s = realms.find(rd);
        if (s >= 0) return realms.obj(s);
        if (realms.size() + earlierRealms.size() >= MAX_REALMS) return null;
        RealmSummary r = new RealmSummary(rd, trace, 1);
        realms.put(rd, r);
        return r;
    }

    // ---- read access for the renderers ----

    /** Every realm summary: the earlier traces' in order, then the current trace's by RD. */
    List<RealmSummary> realmSummaries() {
        List<RealmSummary> out = new ArrayList<>(earlierRealms);
        for (long rd : realms.sortedKeys()) out.add(realms.get(rd));
        return out;
    }

    java.util.Map<String, Histogram> lifetimes() {
        java.util.Map<String, Histogram> out = new java.util.TreeMap<>();
        for (int i = 0; i < lifetimeByState.length; i++) {
            if (lifetimeByState[i] != null) out.put(names.name(i), lifetimeByState[i]);
        }
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
