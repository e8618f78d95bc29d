package io.ccatrace.analyzers.memory;

import io.ccatrace.analyzers.engine.LongMap;
import io.ccatrace.analyzers.granule.GranuleWords;
import java.util.ArrayList;
import java.util.List;

/**
 * Granules that came back from the Realm PAS to NS (GRANULE_UNDELEGATE) in this trace and
 * whose contents the trace therefore knows: a DELEGATED granule is all zero (reference 7.1,
 * 4.4), so after its return it holds zeros plus whatever NS_WRITE rows put there since
 * ({@link NsMemory}). A granule is forgotten when something the trace does not show in bytes
 * may write it: a realm through an ASSIGNED_NS mapping of it, the RMM filling it as a RecRun
 * (REC_ENTER writes the exit half), or delegation. Memory follows the granules released and
 * not reused, never the trace length.
 */
public final class ReleasedGranules {
    private static final long PAGE = NsMemory.PAGE;
    /** page -> (a: seq of the release's input, b: PAS_CHANGE seq). */
    private final LongMap<Void> released = new LongMap<>(256);
    /**
     * The pages in {@link #released}, as word a = 1 in a dense table: every NS_READ asks
     * about the pages it reads, hardly ever released ones, and the table answers in two
     * array loads where the map needs a probe.
     */
    private final GranuleWords isReleased;
    /** page -> number of level-3 ASSIGNED_NS entries mapping it (word a; absent: 0). */
    private final GranuleWords nsMapped;
    /** ASSIGNED_NS blocks (level 1 or 2): {pa, size}, one per live block entry. */
    private final List<long[]> nsBlocks = new ArrayList<>();

    public ReleasedGranules() {
        this(new GranuleWords(), new GranuleWords());
    }

    /** Over the given tables (tests: the hash-map-only {@link GranuleWords#GranuleWords(boolean)}). */
    ReleasedGranules(GranuleWords isReleased, GranuleWords nsMapped) {
        this.isReleased = isReleased;
        this.nsMapped = nsMapped;
    }

    /** The granule at pa moved Realm -> NS at seq (PAS_CHANGE), caused by input causeSeq. */
    public void release(long pa, long causeSeq, long seq) {
        if (isNsMapped(pa)) return;
        int s = released.slot(pa >>> 12);
        released.setA(s, causeSeq);
        released.setB(s, seq);
        isReleased.set(pa, 1, 0);
    }

    /** Contents of the granule at pa are no longer known from the trace. */
    public void forget(long pa) {
        // asked on every REC_ENTER about its RecRun page, which is hardly ever released
        if (isReleased.a(pa) != 0) drop(pa >>> 12);
    }

    private void drop(long page) {
        released.remove(page);
        isReleased.remove(page << 12);
    }

    /** The input that released the granule holding pa (UNDELEGATE), or -1 if not tracked. */
    public long releasedBy(long pa) {
        if (isReleased.a(pa) == 0) return -1;
        int s = released.findRecent(pa >>> 12);
        return s < 0 ? -1 : released.a(s);
    }

    /** The PAS_CHANGE row of that release, or -1. */
    public long releaseSeq(long pa) {
        if (isReleased.a(pa) == 0) return -1;
        int s = released.findRecent(pa >>> 12);
        return s < 0 ? -1 : released.b(s);
    }

    /** An ASSIGNED_NS entry now maps [pa, pa + size): a realm may write those granules. */
    public void mapNs(long pa, long size) {
        if (size > PAGE) {
            nsBlocks.add(new long[] {pa, size});
        } else {
            nsMapped.set(pa, nsMapped.a(pa) + 1, 0);
        }
        forgetRange(pa, size);
    }

    /** An ASSIGNED_NS entry mapping [pa, pa + size) went away. */
    public void unmapNs(long pa, long size) {
        if (size > PAGE) {
            for (int i = 0; i < nsBlocks.size(); i++) {
                long[] b = nsBlocks.get(i);
                if (b[0] == pa && b[1] == size) {
                    nsBlocks.remove(i);
                    return;
                }
            }
            return;
        }
        long n = nsMapped.a(pa);
        if (n == 0) return;
        if (n <= 1) {
            nsMapped.remove(pa);
        } else {
            nsMapped.set(pa, n - 1, 0);
        }
    }

    private boolean isNsMapped(long pa) {
        if (nsMapped.a(pa) != 0) return true;
        for (int i = 0; i < nsBlocks.size(); i++) {
            long[] b = nsBlocks.get(i);
            if (Long.compareUnsigned(pa - b[0], b[1]) < 0) return true;
        }
        return false;
    }

    private void forgetRange(long pa, long size) {
        if (released.size() == 0) return;
        long pages = size / PAGE;
        if (pages <= released.size()) {
            for (long i = 0; i < pages; i++) forget(pa + i * PAGE);
            return;
        }
        long first = pa >>> 12;
        List<Long> drop = new ArrayList<>();
        for (int s = 0; s < released.capacity(); s++) {
            if (released.used(s) && Long.compareUnsigned(released.keyAt(s) - first, pages) < 0) {
                drop.add(released.keyAt(s));
            }
        }
        for (long k : drop) drop(k);
    }

    public int tracked() {
        return released.size();
    }
}
