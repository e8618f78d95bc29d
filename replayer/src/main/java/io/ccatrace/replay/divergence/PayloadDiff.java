package io.ccatrace.replay.divergence;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Two different payloads as a report shows them: 16 bytes of each from the first byte in
 * which they differ, so the shown values differ. From the start: "0700..(24 bytes)" as
 * before; from byte N > 0: "@N: 7035..(24 bytes)" (before, a difference past byte 16 showed
 * the same 16 bytes on both sides).
 */
final class PayloadDiff {
    private static final int SHOWN = 16;

    private PayloadDiff() {
    }

    static FieldDiff between(String field, byte[] expected, byte[] actual) {
        int from = firstDifference(expected, actual);
        return new FieldDiff(field, text(expected, from), text(actual, from));
    }

    /** The first offset where the two differ (a shorter one ends there); 0 when one is null. */
    static int firstDifference(byte[] a, byte[] b) {
        if (a == null || b == null) return 0;
        int i = Arrays.mismatch(a, b);
        return Math.max(i, 0);
    }

    /** b's bytes from offset `from` (up to 16), with "@from: " when from > 0 and the length when any are left out. */
    static String text(byte[] b, int from) {
        if (b == null) return "null";
        int start = Math.min(from, b.length);
        int end = Math.min(b.length, start + SHOWN);
        String h = HexFormat.of().formatHex(b, start, end);
        String at = start > 0 ? "@" + start + ": " : "";
        return at + h + (start > 0 || end < b.length ? ".." + "(" + b.length + " bytes)" : "");
    }
}
