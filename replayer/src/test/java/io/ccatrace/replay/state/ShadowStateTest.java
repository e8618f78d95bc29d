package io.ccatrace.replay.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.nio.ByteBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace-derived state follows docs/trace-format.md "Implied entries": starting tables
 * begin UNASSIGNED/EMPTY (protected) or UNASSIGNED_NS, and RTT_CREATE's parent entry implies
 * the unfold of the parent's previous state (reference 11.5: block PA + i * size(level)).
 */
class ShadowStateTest {
    static final long RD = 0x8010_0000L, PARAMS = 0x8000_0000L, BLOCK = 0x8800_0000L;
    private long seq;
    private final ShadowState s = new ShadowState();

    private void add(TraceEvent.Builder b) {
        s.apply(b.build());
    }

    private TraceEvent.Builder row(EventKind k) {
        return TraceEvent.builder(seq++, k);
    }

    private void rtt(int level, long ipa, String from, String fromRipas, String to, String toRipas, long pa) {
        add(row(EventKind.RTT_ENTRY).realm(RD).level(level).ipa(ipa).from(from).fromRipas(fromRipas)
                .to(to).toRipas(toRipas).pa(pa));
    }

    private void createRealm() {
        ByteBuffer p = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        p.putLong(0x008, 40);     // s2sz: protected half below 2^39
        p.putLong(0x810, 1);      // rtt_level_start
        add(row(EventKind.NS_WRITE).pa(PARAMS).payload(p.array()));
        add(row(EventKind.RMI_CALL).cmd("RMI_REALM_CREATE").args(new long[] {RD, PARAMS}).status("RMI_SUCCESS"));
        add(row(EventKind.REALM_STATE).realm(RD).to("NEW"));
    }

    private List<RttShadow.Step> walk(long ipa) {
        return s.realms.get(RD).rtt.walk(ipa);
    }

    @Test
    void startingEntriesAreImpliedByHalf() {
        createRealm();
        List<RttShadow.Step> prot = walk(0x1000);
        assertEquals(1, prot.size());
        assertEquals(1, prot.get(0).level());
        assertEquals("UNASSIGNED", prot.get(0).state());
        assertEquals("EMPTY", prot.get(0).ripas());
        List<RttShadow.Step> unprot = walk(1L << 39);
        assertEquals("UNASSIGNED_NS", unprot.get(0).state());
    }

    @Test
    void rttCreateUnderABlockImpliesItsUnfold() {
        createRealm();
        rtt(1, 0, "UNASSIGNED", "EMPTY", "TABLE", null, 0x8010_2000L);
        rtt(2, 0x20_0000L, "UNASSIGNED", "EMPTY", "ASSIGNED", "RAM", BLOCK);
        List<RttShadow.Step> before = walk(0x20_3000L);
        assertEquals(2, before.size());
        assertEquals("ASSIGNED", before.get(1).state());
        assertEquals(BLOCK, before.get(1).pa());
        rtt(2, 0x20_0000L, "ASSIGNED", "RAM", "TABLE", null, 0x8010_3000L);
        List<RttShadow.Step> after = walk(0x20_3000L);
        assertEquals(3, after.size());
        RttShadow.Step leaf = after.get(2);
        assertEquals(3, leaf.level());
        assertEquals("ASSIGNED", leaf.state());
        assertEquals("RAM", leaf.ripas());
        assertEquals(BLOCK + 0x3000, leaf.pa());
        assertTrue(leaf.source().startsWith("implied by RTT_CREATE"), leaf.source());
    }

    @Test
    void entriesOfADestroyedTableDoNotComeBack() {
        createRealm();
        rtt(1, 0, "UNASSIGNED", "EMPTY", "TABLE", null, 0x8010_2000L);
        rtt(2, 0, "UNASSIGNED", "EMPTY", "ASSIGNED", "RAM", BLOCK);
        rtt(1, 0, "TABLE", null, "UNASSIGNED", "DESTROYED", TraceEvent.NULL);
        rtt(1, 0, "UNASSIGNED", "DESTROYED", "TABLE", null, 0x8010_4000L);
        List<RttShadow.Step> w = walk(0x1000);
        assertEquals("UNASSIGNED", w.get(w.size() - 1).state());
        assertEquals("DESTROYED", w.get(w.size() - 1).ripas());
    }

    @Test
    void granuleAndRealmStateFollowTheirEvents() {
        createRealm();
        add(row(EventKind.PAS_CHANGE).pa(RD).from("NS").to("REALM"));
        add(row(EventKind.GRANULE_STATE).pa(RD).from("DELEGATED").to("RD").realm(RD));
        add(row(EventKind.REALM_STATE).realm(RD).from("NEW").to("ACTIVE"));
        assertEquals("RD", s.granules.get(RD).state());
        assertEquals("REALM", s.pas.get(RD).pas());
        assertEquals("ACTIVE", s.realms.get(RD).state);
    }

    static final long REC = 0x8012_0000L;

    private String report(java.util.function.Consumer<StateReport> query) {
        StringWriter w = new StringWriter();
        query.accept(new StateReport(s, MachineConfig.defaults(), new PrintWriter(w, true)));
        return w.toString();
    }

    /** A realm with one REC, torn down (REC_DESTROY, REALM_DESTROY: reference 4.7, 4.10), then a new realm at the same RD. */
    private void createUseDestroyAndReuse() {
        createRealm();
        rtt(1, 0, "UNASSIGNED", "EMPTY", "TABLE", null, 0x8010_2000L);
        add(row(EventKind.REC_STATE).realm(RD).rec(REC).to("RUNNABLE"));
        add(row(EventKind.REC_STATE).realm(RD).rec(REC).from("RUNNABLE").to("DESTROYED"));
        rtt(1, 0, "TABLE", null, "UNASSIGNED", "DESTROYED", TraceEvent.NULL);
        add(row(EventKind.REALM_STATE).realm(RD).from("NEW").to("DESTROYED"));
    }

    /**
     * An RD is free for a new realm once its realm is destroyed. The new realm has no REC yet:
     * the earlier realm's REC is not listed under it, and the report says which realm at the RD
     * it shows. Before, the new realm listed "RECs: 0x80120000 DESTROYED" and nothing told the
     * two realms apart.
     */
    @Test
    void aRealmAtAReusedRdHasNoneOfTheEarlierRealmsRecs() {
        createUseDestroyAndReuse();
        long destroyedAt = seq - 1;
        createRealm();
        long createdAt = seq - 1;
        String realm = report(r -> r.realm(RD));
        assertFalse(realm.contains("RECs:"), realm);
        assertTrue(realm.startsWith("realm 0x80100000: NEW (since seq " + createdAt + "); realm 2 at this RD, created at seq "
                + createdAt + " (the realm before it here ended at seq " + destroyedAt + ")"), realm);
        String rec = report(r -> r.rec(REC));
        assertTrue(rec.startsWith("REC 0x80120000: DESTROYED of an earlier realm 0x80100000"), rec);
        assertTrue(report(r -> assertTrue(r.recOfEarlierRealm(REC))).contains("destroyed at seq " + destroyedAt), "--ipa with that --rec");
        add(row(EventKind.REC_STATE).realm(RD).rec(REC).to("RUNNABLE"));
        assertTrue(report(r -> r.realm(RD)).contains("RECs: 0x80120000 RUNNABLE"), "a REC created in the new realm is its own");
        assertTrue(report(r -> r.rec(REC)).startsWith("REC 0x80120000: RUNNABLE of realm 0x80100000 (since seq"));
    }

    /** REALM_DESTROY frees the realm's starting RTTs (reference 4.7): a destroyed realm has no walk to show. */
    @Test
    void aDestroyedRealmHasNoRttsToWalk() {
        createUseDestroyAndReuse();
        String walk = report(r -> r.ipa(RD, 0x1000));
        assertEquals("realm 0x80100000: DESTROYED (since seq " + (seq - 1) + "): no RTTs to walk", walk.strip());
    }

    /**
     * REALM_DESTROY zeroes the RD, which wipes the realm's measurements (reference 4.7): the
     * report says so, and keeps the last values under that line for a post-mortem. Before,
     * they were printed as if the destroyed realm still held them.
     */
    @Test
    void aDestroyedRealmsMeasurementsAreShownAsWiped() {
        createRealm();
        add(row(EventKind.MEASUREMENT).realm(RD).index(0).payload(new byte[] {(byte) 0xab, (byte) 0xcd}));
        long measured = seq - 1;
        add(row(EventKind.REALM_STATE).realm(RD).from("NEW").to("DESTROYED"));
        String realm = report(r -> r.realm(RD));
        assertTrue(realm.contains("\n  measurements wiped by RMI_REALM_DESTROY (4.7); the last ones were:\n  RIM    abcd (seq "
                + measured + ")"), realm);
        add(row(EventKind.REALM_STATE).realm(RD).to("NEW"));
        assertFalse(report(r -> r.realm(RD)).contains("RIM"), "a new realm at the RD has none of them");
    }

    /** What tells realms at one RD apart survives a checkpoint. */
    @Test
    void theCodecKeepsWhichRealmAtTheRd() throws IOException {
        createUseDestroyAndReuse();
        createRealm();
        String before = report(r -> { r.realm(RD); r.rec(REC); });
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ShadowCodec.write(s, new DataOutputStream(b));
        ShadowState back = ShadowCodec.read(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
        StringWriter w = new StringWriter();
        StateReport r = new StateReport(back, MachineConfig.defaults(), new PrintWriter(w, true));
        r.realm(RD);
        r.rec(REC);
        assertEquals(before, w.toString());
    }

    /**
     * Without the RealmParams page (an imported log with no NS writes) the IPA width, and so
     * which half an IPA is in and its starting value, is unknown: the walk says so instead of
     * calling every IPA protected with a starting UNASSIGNED RIPAS EMPTY. Recorded entries are
     * still shown as recorded.
     */
    @Test
    void withoutRealmParamsTheHalfIsNotGuessed() {
        add(row(EventKind.RMI_CALL).cmd("RMI_REALM_CREATE").args(new long[] {RD, PARAMS}).status("RMI_SUCCESS"));
        add(row(EventKind.REALM_STATE).realm(RD).to("NEW"));
        rtt(1, 1L << 39, "UNASSIGNED_NS", null, "TABLE", null, 0x8010_2000L);
        String unknown = report(r -> r.ipa(RD, 0x1000));
        assertTrue(unknown.contains("(half unknown: no RealmParams of the realm in the trace)"), unknown);
        assertTrue(unknown.contains("no entry in the trace"), unknown);
        assertFalse(unknown.contains("RIPAS of"), unknown);
        assertFalse(unknown.contains("protected half"), unknown);
        String recorded = report(r -> r.ipa(RD, (1L << 39) + 0x1000));
        assertTrue(recorded.contains("level 1 entry 0x8000000000: TABLE -> 0x80102000"), recorded);
        assertTrue(recorded.contains("UNASSIGNED_NS  [implied by RTT_CREATE"), recorded);
    }
}
