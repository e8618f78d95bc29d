package io.ccatrace.model.scenario;

import io.ccatrace.model.event.EventListener;
import io.ccatrace.model.event.ModelEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named invariants over a model event stream, checked as the events arrive (independent of
 * the model's code: it keeps its own shadow of granule states, PAS and realm states):
 * <ul>
 * <li>seq-dense: seq numbers are 0, 1, 2, ... in publication order;</li>
 * <li>time-monotonic: simulated time never goes back;</li>
 * <li>cause-is-earlier-input: every effect's cause_seq names an input published before it;</li>
 * <li>granule-from-matches: a GRANULE_STATE's from is the granule's last to (UNDELEGATED at first);</li>
 * <li>pas-from-matches: a PAS_CHANGE's from is the granule's last PAS (NS at first);</li>
 * <li>pas-agrees-with-state: after each input, a granule is UNDELEGATED iff its PAS is NS
 * (reference 7.1: every other state lives in the Realm PAS);</li>
 * <li>realm-from-matches: a REALM_STATE's from is the realm's last state;</li>
 * <li>rmi-status-known: every RMI_CALL status is an RMI 1.0 status or SMC_UNKNOWN (reference 1.3).</li>
 * </ul>
 */
public final class EventInvariants implements EventListener {
    private static final Set<String> RMI_STATUSES = Set.of("RMI_SUCCESS", "RMI_ERROR_INPUT",
            "RMI_ERROR_REALM", "RMI_ERROR_REC", "RMI_ERROR_RTT", "SMC_UNKNOWN");

    private final List<String> violations = new ArrayList<>();
    private final Map<Long, String> granule = new HashMap<>();
    private final Map<Long, String> pas = new HashMap<>();
    private final Map<Long, String> realm = new HashMap<>();
    private final List<Long> touched = new ArrayList<>();
    private long nextSeq;
    private long lastTime;
    private long lastInput = -1;
    private long events;

    @Override
    public void onEvent(ModelEvent e) {
        events++;
        if (e.seq() != nextSeq) fail("seq-dense", e, "expected seq " + nextSeq);
        nextSeq = e.seq() + 1;
        if (e.time() < lastTime) fail("time-monotonic", e, "time " + e.time() + " < " + lastTime);
        lastTime = e.time();
        if (isInput(e)) {
            checkPasAgreement();
            lastInput = e.seq();
        } else {
            long cause = causeOf(e);
            if (cause != ModelEvent.NONE && cause != lastInput) {
                fail("cause-is-earlier-input", e, "cause " + cause + " is not the current input " + lastInput);
            }
        }
        if (e instanceof ModelEvent.GranuleState) {
            ModelEvent.GranuleState g = (ModelEvent.GranuleState) e;
            String was = granule.getOrDefault(g.pa(), "UNDELEGATED");
            if (!was.equals(g.from())) fail("granule-from-matches", e, "from " + g.from() + " but was " + was);
            granule.put(g.pa(), g.to());
            touched.add(g.pa());
        } else if (e instanceof ModelEvent.PasChange) {
            ModelEvent.PasChange p = (ModelEvent.PasChange) e;
            String was = pas.getOrDefault(p.pa(), "NS");
            if (!was.equals(p.from())) fail("pas-from-matches", e, "from " + p.from() + " but was " + was);
            pas.put(p.pa(), p.to());
            touched.add(p.pa());
        } else if (e instanceof ModelEvent.RealmState) {
            ModelEvent.RealmState r = (ModelEvent.RealmState) e;
            String was = realm.get(r.realm());
            if (was != null && !was.equals(r.from())) fail("realm-from-matches", e, "from " + r.from() + " but was " + was);
            realm.put(r.realm(), r.to());
        } else if (e instanceof ModelEvent.RmiCall) {
            ModelEvent.RmiCall c = (ModelEvent.RmiCall) e;
            if (!RMI_STATUSES.contains(c.status())) fail("rmi-status-known", e, c.status());
        }
    }

    /** Runs the end-of-stream checks and returns every violation found. */
    public List<String> finish() {
        checkPasAgreement();
        return violations;
    }

    public long events() {
        return events;
    }

    /** Granules not UNDELEGATED at the end of the stream. */
    public List<Long> stillDelegated() {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, String> g : new java.util.TreeMap<>(granule).entrySet()) {
            if (!g.getValue().equals("UNDELEGATED")) out.add(g.getKey());
        }
        return out;
    }

    private void checkPasAgreement() {
        for (long pa : touched) {
            boolean undelegated = granule.getOrDefault(pa, "UNDELEGATED").equals("UNDELEGATED");
            boolean ns = pas.getOrDefault(pa, "NS").equals("NS");
            if (undelegated != ns) {
                violations.add("pas-agrees-with-state: granule 0x" + Long.toHexString(pa) + " is "
                        + granule.getOrDefault(pa, "UNDELEGATED") + " with PAS " + pas.getOrDefault(pa, "NS")
                        + " after input " + lastInput);
            }
        }
        touched.clear();
    }

    private static boolean isInput(ModelEvent e) {
        ModelEvent.Kind k = e.kind();
        return k == ModelEvent.Kind.RMI_CALL || k == ModelEvent.Kind.NS_WRITE
                || k == ModelEvent.Kind.NS_READ || k == ModelEvent.Kind.GUEST_STEP;
    }

    private static long causeOf(ModelEvent e) {
        if (e instanceof ModelEvent.RsiCall) return ((ModelEvent.RsiCall) e).causeSeq();
        if (e instanceof ModelEvent.RecExit) return ((ModelEvent.RecExit) e).causeSeq();
        if (e instanceof ModelEvent.Stage2Fault) return ((ModelEvent.Stage2Fault) e).causeSeq();
        if (e instanceof ModelEvent.Gpf) return ((ModelEvent.Gpf) e).causeSeq();
        if (e instanceof ModelEvent.PasChange) return ((ModelEvent.PasChange) e).causeSeq();
        if (e instanceof ModelEvent.GranuleState) return ((ModelEvent.GranuleState) e).causeSeq();
        if (e instanceof ModelEvent.RttEntry) return ((ModelEvent.RttEntry) e).causeSeq();
        if (e instanceof ModelEvent.Measurement) return ((ModelEvent.Measurement) e).causeSeq();
        if (e instanceof ModelEvent.RealmState) return ((ModelEvent.RealmState) e).causeSeq();
        if (e instanceof ModelEvent.RecState) return ((ModelEvent.RecState) e).causeSeq();
        return ModelEvent.NONE;
    }

    private void fail(String name, ModelEvent e, String what) {
        if (violations.size() < 50) violations.add(name + ": seq " + e.seq() + " " + e.kind() + ": " + what);
    }
}
