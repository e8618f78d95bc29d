package io.ccatrace.trace.chain;

/**
 * {@link ContentKey#name} remembered per String object in a small two-way set-associative
 * table (rows repeat a few dozen names; the readers' names are interned, the model's are
 * constants, but may be built per event: an equal String hits too, through {@link #miss}).
 * With one way of 256 slots indexed by the hash code's low bits, read/READ,
 * RMI_DATA_CREATE_UNKNOWN/EXIT_TO_HOST, RMI_REC_ENTER/RSI_IPA_STATE_SET and
 * host_call/HOST_CALL evicted each other ~170,000 times in a 5 M-event replay of multi-realm,
 * each time evaluating the name's polynomial again (~4 ns per event on the replaying thread);
 * with two ways of 256 still ~17,000 (host_call, read and DELEGATED shared a set). Two ways
 * of 1,024 slots by a Fibonacci hash: no name of that replay evicted. Not thread-safe.
 */
final class NameHashes {
    private static final int SIZE = 1024;
    private final String[] names = new String[SIZE];
    private final long[] values = new long[SIZE];

    long of(String s) {
        int i = set(s);
        if (names[i] == s) return values[i];
        return names[i + 1] == s ? values[i + 1] : miss(s, i);
    }

    /** The first of the two slots of s's set. */
    static int set(String s) {
        return (s.hashCode() * 0x9E3779B9 >>> 22) & (SIZE - 2);   // the top 10 bits of a Fibonacci hash, even
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
