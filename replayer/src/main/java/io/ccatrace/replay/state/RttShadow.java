package io.ccatrace.replay.state;

import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realm's stage-2 tables as the trace tells them: the last RTT_ENTRY of every (level,
 * IPA) plus the trace format's implied entries (docs/trace-format.md): starting tables start
 * UNASSIGNED/EMPTY (protected) or UNASSIGNED_NS, a new table is the unfold of its parent's
 * previous entry, and a folded or destroyed table's entries are gone.
 */
final class RttShadow {
    /** One entry's value and the seq that set it. */
    record Entry(long seq, String state, String ripas, long pa, String prevState,
                 String prevRipas, long prevPa) {
    }

    /** One step of a walk: level, entry IPA, value, and where the value comes from. */
    record Step(int level, long ipa, String state, String ripas, long pa, String source) {
    }

    final Map<Long, Entry>[] levels;
    long protectedTop = -1;
    int startLevel = Integer.MIN_VALUE;

    @SuppressWarnings("unchecked")
    RttShadow() {
        levels = new Map[5];
        for (int i = 0; i < levels.length; i++) levels[i] = new HashMap<>();
    }

    void geometry(long s2sz, long levelStart) {
        if (s2sz > 0 && s2sz <= 64) protectedTop = 1L << (s2sz - 1);
        if (levelStart >= -1 && levelStart <= 3) startLevel = (int) levelStart;
    }

    void apply(EventView e) {
        if (e.level() < -1 || e.level() > 3) {
            // docs/trace-format.md, column level: -1..3; no RMM reports another (reference 11.1)
            throw new BadInputException("event seq " + e.seq() + ": RTT_ENTRY "
                    + (e.level() == TraceEvent.NULL_INT ? "without a level" : "at level " + e.level()) + " (levels are -1..3)");
        }
        Map<Long, Entry> m = levels[e.level() + 1];
        Entry prev = m.get(e.ipa());
        m.put(e.ipa(), new Entry(e.seq(), e.to(), e.toRipas(), e.pa(), e.from(), e.fromRipas(),
                prev == null ? TraceEvent.NULL : prev.pa()));
    }

    /** Whether ipa is below 2^s2sz (the realm's IPA space); true when the geometry is unknown. */
    boolean withinIpaSpace(long ipa) {
        return protectedTop <= 0 || protectedTop == Long.MIN_VALUE || Long.compareUnsigned(ipa, ipaSpaceTop()) < 0;
    }

    /** 2^s2sz: the first IPA past the realm's IPA space (meaningful when the geometry is known). */
    long ipaSpaceTop() {
        return protectedTop << 1;
    }

    static long size(int level) {
        return 1L << (12 + 9 * (3 - level));
    }

    /** The walk for ipa down to level 3 (or the first non-TABLE entry). */
    List<Step> walk(long ipa) {
        List<Step> out = new ArrayList<>();
        int first = startLevel != Integer.MIN_VALUE ? startLevel : lowestRecorded(ipa);
        Entry parent = null;
        for (int level = first; level <= 3; level++) {
            long at = ipa & -size(level);
            Entry e = levels[level + 1].get(at);
            if (parent != null && (e == null || e.seq() < parent.seq())) {
                // implied by the RTT_CREATE that made the parent a TABLE: unfold of its old value
                long pa = parent.prevPa() == TraceEvent.NULL || !assigned(parent.prevState())
                        ? TraceEvent.NULL : parent.prevPa() + (at - (ipa & -size(level - 1)));
                out.add(new Step(level, at, parent.prevState(), parent.prevRipas(), pa,
                        "implied by RTT_CREATE at seq " + parent.seq()));
                return out;
            }
            if (e == null) {
                if (!halfKnown()) {
                    // no RealmParams in the trace: which half the IPA is in, and so its starting value, is unknown
                    out.add(new Step(level, at, null, null, TraceEvent.NULL, "initial (REALM_CREATE): UNASSIGNED RIPAS"
                            + " EMPTY if protected, UNASSIGNED_NS if not; the trace has no RealmParams of this realm to tell"));
                    return out;
                }
                boolean prot = Long.compareUnsigned(at, protectedTop) < 0;
                out.add(new Step(level, at, prot ? "UNASSIGNED" : "UNASSIGNED_NS",
                        prot ? "EMPTY" : null, TraceEvent.NULL, "initial (REALM_CREATE)"));
                return out;
            }
            out.add(new Step(level, at, e.state(), e.ripas(), e.pa(), "seq " + e.seq()));
            if (!"TABLE".equals(e.state())) return out;
            parent = e;
        }
        return out;
    }

    private int lowestRecorded(long ipa) {
        for (int level = -1; level <= 3; level++) {
            if (levels[level + 1].containsKey(ipa & -size(level))) return level;
        }
        return 0;
    }

    private static boolean assigned(String s) {
        return "ASSIGNED".equals(s) || "ASSIGNED_NS".equals(s);
    }

    /** Whether the realm's IPA width is known (from the RealmParams its REALM_CREATE read). */
    boolean halfKnown() {
        return protectedTop > 0;
    }

    boolean isProtected(long ipa) {
        return protectedTop < 0 || Long.compareUnsigned(ipa, protectedTop) < 0;
    }
}
