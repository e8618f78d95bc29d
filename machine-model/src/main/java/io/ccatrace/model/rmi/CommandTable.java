package io.ccatrace.model.rmi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declarative RMI command table of one specification revision: FID, name, number of
 * argument registers read, number of result registers written, handler.
 */
public final class CommandTable {
    /** One row of the table. */
    public record Entry(long fid, String name, int argCount, int resultCount, RmiCommand handler) {
    }

    /** FIDs of the RMI range (0xC4000100..0xC40001FF) are also found by index, no boxing. */
    private static final long DENSE_BASE = 0xC4000100L;
    private static final int DENSE_SIZE = 0x100;

    private final Map<Long, Entry> byFid = new LinkedHashMap<>();
    private final Entry[] dense = new Entry[DENSE_SIZE];

    public CommandTable add(long fid, String name, int args, int results, RmiCommand h) {
        if (put(new Entry(fid, name, args, results, h)) != null) {
            throw new IllegalArgumentException("duplicate FID 0x" + Long.toHexString(fid));
        }
        return this;
    }

    private Entry put(Entry e) {
        long i = e.fid() - DENSE_BASE;
        if (i >= 0 && i < DENSE_SIZE) dense[(int) i] = e;
        return byFid.put(e.fid(), e);
    }

    /** A copy in which the command with this FID has another handler (revision deltas, bugs). */
    public CommandTable replace(long fid, RmiCommand h) {
        CommandTable t = copy();
        Entry e = t.byFid.get(fid);
        if (e == null) throw new IllegalArgumentException("no FID 0x" + Long.toHexString(fid));
        t.put(new Entry(fid, e.name(), e.argCount(), e.resultCount(), h));
        return t;
    }

    public CommandTable copy() {
        CommandTable t = new CommandTable();
        for (Entry e : byFid.values()) t.put(e);
        return t;
    }

    public Entry lookup(long fid) {
        long i = fid - DENSE_BASE;
        if (i >= 0 && i < DENSE_SIZE) return dense[(int) i];
        return byFid.get(fid);
    }

    public Entry byName(String name) {
        for (Entry e : byFid.values()) {
            if (e.name().equals(name)) return e;
        }
        return null;
    }

    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(byFid.values());
    }
}
