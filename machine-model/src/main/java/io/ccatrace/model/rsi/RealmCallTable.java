package io.ccatrace.model.rsi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declarative table of the SMCs a realm can make in one specification revision: FID, name,
 * argument registers read, result registers written (x1..), how x0 is named, handler.
 */
public final class RealmCallTable {
    /** One row. */
    public record Entry(long fid, String name, int argCount, int resultCount,
                        ResultNames names, RealmCall handler) {
    }

    private final Map<Long, Entry> byFid = new LinkedHashMap<>();

    public RealmCallTable add(long fid, String name, int args, int results, ResultNames names,
                              RealmCall h) {
        if (byFid.put(fid, new Entry(fid, name, args, results, names, h)) != null) {
            throw new IllegalArgumentException("duplicate FID 0x" + Long.toHexString(fid));
        }
        return this;
    }

    public Entry lookup(long fid) {
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
