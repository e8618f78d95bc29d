package io.ccatrace.trace;

/**
 * Receives one row column by column, as a mapping produces it (the recorder's
 * {@code EventRows.emit}): {@link #start} first, then each column the row has, at most
 * once; a column not given is null. A row object stores them ({@code TraceRow}); a hash
 * can consume them without any row ({@code chain.ContentHash}), so both see exactly the
 * same values. Arrays are the caller's (do not modify them).
 */
public interface ColumnSink {
    /** Starts a row: every column null except seq, kind and time. */
    void start(long seq, EventKind kind, long time);

    void causeSeq(long v);
    void cpu(int v);
    void cmd(String v);
    void fid(long v);
    void args(long[] v);
    void status(String v);
    void index(int v);
    void out(long[] v);
    void realm(long v);
    void rec(long v);
    void ipa(long v);
    void pa(long v);
    void level(int v);
    void from(String v);
    void to(String v);
    void fromRipas(String v);
    void toRipas(String v);
    void pas(String v);
    void ripas(String v);
    void exitReason(String v);
    void esr(long v);
    void far(long v);
    void hpfar(long v);
    void access(String v);
    void half(String v);
    void outcome(String v);
    void value(long v);
    void size(int v);
    void payload(byte[] v);
}
