package io.ccatrace.replay.state;

import io.ccatrace.model.gpt.Pas;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.memory.DramBank;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.trace.TraceEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints what {@link ShadowState} knows about a granule, REC, realm or IPA. */
public final class StateReport {
    /** The realm state the recorder writes for REALM_DESTROY. */
    private static final String DESTROYED = "DESTROYED";
    private final ShadowState s;
    private final MachineConfig machine;
    private final PrintWriter out;

    public StateReport(ShadowState s, MachineConfig machine, PrintWriter out) {
        this.s = s;
        this.machine = machine;
        this.out = out;
    }

    public void header(long at) {
        out.println("state just after seq " + at + (s.lastSeq() < at
                ? " (the trace ends at seq " + s.lastSeq() + ")" : ""));
    }

    public void granule(long pa) {
        long g = pa & ~0xFFFL;
        ShadowState.Granule gr = s.granules.get(g);
        ShadowState.Pas p = s.pas.get(g);
        out.println("granule " + hex(g) + ": " + (gr == null ? "UNDELEGATED (never changed)"
                : gr.state() + owner(gr.owner()) + " (since seq " + gr.seq() + ")")
                + ", PAS " + (p == null ? bootPas(g) + " (boot)" : p.pas() + " (since seq " + p.seq() + ")"));
    }

    public void rec(long rec) {
        ShadowState.Rec r = s.recs.get(rec);
        out.println("REC " + hex(rec) + ": " + (r == null ? "never created"
                : r.state() + " of " + (s.ofCurrentRealm(r) ? "" : "an earlier ") + "realm " + hex(r.realm())
                + " (since seq " + r.seq() + ")" + (s.ofCurrentRealm(r) ? "" : "; the realm at that RD now was created"
                + " at seq " + s.realms.get(r.realm()).createdSeq)));
        granule(rec);
    }

    public void realm(long rd) {
        ShadowState.Realm r = s.realms.get(rd);
        if (r == null || r.state == null) {
            out.println("realm " + hex(rd) + ": never created");
            return;
        }
        out.println("realm " + hex(rd) + ": " + r.state + " (since seq " + r.stateSeq + ")" + reuse(r));
        boolean wiped = DESTROYED.equals(r.state) && r.measurements[0] != null;
        if (wiped) out.println("  measurements wiped by RMI_REALM_DESTROY (4.7); the last ones were:");
        for (int i = 0; i < 5; i++) {
            if (r.measurements[i] == null) continue;
            out.println("  " + (i == 0 ? "RIM   " : "REM[" + (i - 1) + "]") + " " + r.measurements[i]
                    + " (seq " + r.measurementSeq[i] + ")");
        }
        List<String> recs = new ArrayList<>();
        for (Map.Entry<Long, ShadowState.Rec> e : new TreeMap<>(s.recs).entrySet()) {
            if (e.getValue().realm() == rd && s.ofCurrentRealm(e.getValue())) recs.add(hex(e.getKey()) + " " + e.getValue().state());
        }
        if (!recs.isEmpty()) out.println("  RECs: " + String.join(", ", recs));
    }

    public void ipa(long rd, long ipa) {
        ShadowState.Realm r = s.realms.get(rd);
        if (r == null) {
            out.println("realm " + hex(rd) + ": never created");
            return;
        }
        if (DESTROYED.equals(r.state)) {
            // REALM_DESTROY frees the starting RTTs (reference 4.7): the realm has no stage 2 tables left
            out.println("realm " + hex(rd) + ": DESTROYED (since seq " + r.stateSeq + "): no RTTs to walk");
            return;
        }
        if (!r.rtt.withinIpaSpace(ipa)) {
            throw new BadInputException("--ipa " + hex(ipa) + " is beyond the IPA space of realm " + hex(rd)
                    + " (IPAs below " + hex(r.rtt.ipaSpaceTop()) + ")");
        }
        out.println("RTT walk of IPA " + hex(ipa) + " in realm " + hex(rd) + " (" + (!r.rtt.halfKnown()
                ? "half unknown: no RealmParams of the realm in the trace" : r.rtt.isProtected(ipa) ? "protected half" : "unprotected half") + "):");
        RttShadow.Step last = null;
        for (RttShadow.Step st : r.rtt.walk(ipa)) {
            out.println("  level " + st.level() + " entry " + hex(st.ipa()) + ": " + (st.state() == null ? "no entry in the trace" : st.state())
                    + (st.ripas() != null ? " RIPAS " + st.ripas() : "")
                    + (st.pa() != TraceEvent.NULL ? " -> " + hex(st.pa()) : "") + "  [" + st.source() + "]");
            last = st;
        }
        if (last != null && last.ripas() != null) out.println("RIPAS of " + hex(ipa) + ": " + last.ripas());
    }

    /** No object asked for: every realm and a count of granules per state. */
    public void overview() {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (ShadowState.Granule g : s.granules.values()) counts.merge(g.state(), 1, Integer::sum);
        out.println("granules changed so far, by state: " + (counts.isEmpty() ? "none" : counts));
        for (Long rd : new TreeMap<>(s.realms).keySet()) realm(rd);
    }

    /**
     * When the REC belongs to an earlier realm at its RD (destroyed, the RD then reused), says
     * that the REC's realm has no RTTs to walk and returns true.
     */
    public boolean recOfEarlierRealm(long rec) {
        ShadowState.Rec r = s.recs.get(rec);
        if (r == null || s.ofCurrentRealm(r)) return false;
        ShadowState.Realm now = s.realms.get(r.realm());
        out.println("REC " + hex(rec) + " was of an earlier realm at RD " + hex(r.realm()) + ", destroyed at seq "
                + now.previousEndSeq + ": no RTTs to walk (the realm at that RD now was created at seq " + now.createdSeq
                + "; give --realm to walk its RTTs)");
        return true;
    }

    /** For a realm created at an RD an earlier realm left: which realm at that RD it is. */
    private static String reuse(ShadowState.Realm r) {
        if (r.instance < 2) return "";
        return "; realm " + r.instance + " at this RD, created at seq " + r.createdSeq
                + " (the realm before it here ended at seq " + r.previousEndSeq + ")";
    }

    /** The realm a REC was created in, or -1 when the REC was never created. */
    public long realmOfRec(long rec) {
        ShadowState.Rec r = s.recs.get(rec);
        return r == null ? -1 : r.realm();
    }

    /** The single realm of the trace so far, or -1 when there is none or several. */
    public long onlyRealm() {
        return s.realms.size() == 1 ? s.realms.keySet().iterator().next() : -1;
    }

    private String bootPas(long pa) {
        for (DramBank b : machine.dram()) {
            if (b.contains(pa)) return b.bootPas().name();
        }
        return Pas.ROOT.name() + " (not DRAM)";
    }

    private static String owner(long rd) {
        return rd == TraceEvent.NULL || rd == -1 ? "" : " of realm " + hex(rd);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
