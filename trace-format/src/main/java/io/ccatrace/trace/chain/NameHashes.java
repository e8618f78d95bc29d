package io.ccatrace.trace.chain;

/**
 * {@link ContentKey#name} remembered per String object in a small two-way set-associative
 * table (rows repeat a few dozen names; the readers' names are interned, the model's are
 * constants, but may be built per event: an equal String hits too, through {@link #miss}).
 * Two ways, because hot names do share a set: with one way, read/READ,
 * RMI_DATA_CREATE_UNKNOWN/EXIT_TO_HOST, RMI_REC_ENTER/RSI_IPA_STATE_SET and
 * host_call/HOST_CALL (hash codes equal in their low 8 bits) evicted each other ~170,000 times
 * in a 5 M-event replay of multi-realm, each time evaluating the name's polynomial again
 * (~4 ns per event on the replaying thread; with two ways, none do). Not thread-safe.
 */
final class NameHashes {
    private static final int SIZE = 256;
    private final String[] names = new String[SIZE];
    private final long[] values = new long[SIZE];

    long of(String s) {
        int i = set(s);
        if (names[i] == s) return values[i];
        return names[i + 1] == s ? values[i + 1] : miss(s, i);
    }

    /** The first of the two slots of s's set. */
    static int set(String s) {
        int h = s.hashCode();
        return (h ^ (h >>> 16)) & (SIZE - 2);
    }

    /**
     * Another String object than the ones remembered: an equal one, or a new name, which goes
     * to the set's first slot (its former entry moves to the second). Kept out of {@link #of}
     * so that of stays small enough for C2 to inline into the hashing of every name column
     * (with it, of's callers were each "already compiled into a big method").
     */
    private long miss(String s, int i) {
        if (s.equals(names[i])) return values[i];   // equal names, equal hashes
        if (s.equals(names[i + 1])) return values[i + 1];
        long h = ContentKey.name(s);
        names[i + 1] = names[i];
        values[i + 1] = values[i];
        names[i] = s;
        values[i] = h;
        return h;
    }
}
