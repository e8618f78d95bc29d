package io.ccatrace.trace.chain;

import io.ccatrace.trace.EventView;
import io.ccatrace.trace.FormatVersion;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The integrity chain: every {@link #INTERVAL} events (and at the last event) a checkpoint
 * value is SHA-256(previous checkpoint || little-endian 64-bit hashes of the events since).
 * The first "previous checkpoint" is 32 zero bytes. Writers store each checkpoint in the
 * chain column of its row; the last one is the trace digest.
 */
public final class HashChain {
    /** Events per checkpoint. Arrow batches are a multiple of it. */
    public static final int INTERVAL = 4096;

    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MessageDigest sha;
    private final EventHash hash = new EventHash();
    private final int formatVersion;
    private final byte[] buf = new byte[8 * INTERVAL];
    private byte[] last = new byte[32];
    private int pending;
    private long count;

    /** The chain of the current format. */
    public HashChain() {
        this(FormatVersion.CURRENT);
    }

    /** The chain as defined by the given format version (1 and 2 differ in the event hash). */
    public HashChain(int formatVersion) {
        this.formatVersion = formatVersion;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    /** Adds an event; returns true when this event ends a regular checkpoint interval. */
    public boolean add(EventView e) {
        return add(formatVersion == 1 ? EventHashV1.of(e) : hash.hash(e));
    }

    /**
     * Adds an event by its hash, computed elsewhere as this chain's format version defines it
     * (a writer's direct row path: {@link ColumnWords}); returns as {@link #add(EventView)}.
     */
    public boolean add(long h) {
        LE_LONG.set(buf, pending * 8, h);
        pending++;
        count++;
        return pending == INTERVAL;
    }

    /** Closes the current interval and returns its checkpoint (a fresh array). */
    public byte[] checkpoint() {
        sha.update(last);
        sha.update(buf, 0, pending * 8);
        last = sha.digest();
        pending = 0;
        return last.clone();
    }

    /** Events added so far. */
    public long count() {
        return count;
    }

    /** Whether events were added since the last checkpoint. */
    public boolean hasPending() {
        return pending > 0;
    }

    /** The last checkpoint value as hex (the digest once the trace is finished). */
    public String lastHex() {
        return HexFormat.of().formatHex(last);
    }
}
