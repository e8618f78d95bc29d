package io.ccatrace.trace.chain;

/**
 * {@link ContentKey#name} remembered per String object in a small direct-mapped table
 * (rows repeat a few dozen names; the readers' names are interned, the model's are
 * constants, but may be built per event: an equal String hits too). Not thread-safe.
 */
final class NameHashes {
    private static final int SIZE = 256;
    private final String[] names = new String[SIZE];
    private final long[] values = new long[SIZE];

    long of(String s) {
        int i = s.hashCode() & (SIZE - 1);
        if (names[i] == s || s.equals(names[i])) return values[i];   // equal names, equal hashes
        long h = ContentKey.name(s);
        names[i] = s;
        values[i] = h;
        return h;
    }
}
