package io.ccatrace.analyzers;

import static io.ccatrace.analyzers.RealmFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccatrace.analyzers.report.HtmlReport;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void selfContainedPageLinksFindingsToEvidence() {
        RealmFixture f = new RealmFixture().active();
        f.t.rmi("RMI_DATA_CREATE", "RMI_SUCCESS", RD, DATA2, 0x1000, SRC, 0); // must fail: realm ACTIVE (4.11)
        long bad = f.t.last();
        String html = HtmlReport.build("t", () -> f.t.events().iterator());
        assertTrue(html.contains("href=\"#e" + bad + "\""), "finding links to its event");
        assertTrue(html.contains("id=\"e" + bad + "\""), "evidence row carries the anchor");
        assertTrue(html.contains("<svg") && html.contains("realm 0x80200000"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="), "no external assets");
        assertEquals(html, HtmlReport.build("t", () -> f.t.events().iterator()), "deterministic");
    }

    // 8.5: a fault on a DESTROYED IPA leaves the REC unable to proceed; the page must show the
    // causal chain (as `explain` does) with both seqs linked to their evidence rows
    @Test
    void crashedRealmShowsItsCausalChainLinkedToEvidence() {
        RealmFixture f = new RealmFixture().active();
        long[] seqs = f.destroyedRamFault();
        long destroySeq = seqs[0];
        long faultSeq = seqs[1];
        String html = HtmlReport.build("t", () -> f.t.events().iterator());
        assertTrue(html.contains("<h2>Crashes and stalls</h2>"));
        assertTrue(html.contains("cannot make progress"), "verdict shown");
        for (long q : new long[] {destroySeq, faultSeq}) {
            assertTrue(html.contains("<a href=\"#e" + q + "\">seq " + q + "</a>"), "seq " + q + " linked");
            assertTrue(html.contains("id=\"e" + q + "\""), "evidence row for seq " + q);
        }
    }

    @Test
    void cleanLifecycleSaysNoRealmCrashed() {
        String html = HtmlReport.build("t", () -> CleanTraceTest.fullLifecycle().t.events().iterator());
        assertTrue(html.contains("Every realm ended normally"));
        assertFalse(html.contains("cannot make progress"));
    }
}
