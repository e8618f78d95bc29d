package io.ccatrace.analyzers.rmi;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.realm.RealmShadow;

/** RSI failure conditions (reference 6.2) decidable from a call's own arguments. */
public final class RsiExpectations {
    private RsiExpectations() {
    }

    /** Why the call must fail, or null. realm may be null (then half checks are skipped). */
    public static String judge(RsiCommand c, long[] a, RealmShadow realm) {
        long x1 = Shadow.reg(a, 1);
        long x2 = Shadow.reg(a, 2);
        switch (c) {
            case RSI_IPA_STATE_SET: {
                long ripas = Shadow.reg(a, 3);
                if (Long.compareUnsigned(ripas, 1) > 0) return "requested RIPAS " + ripas + " is neither EMPTY nor RAM (ripas_valid)";
                if (((x1 | x2) & 0xFFF) != 0) return "base or top not 4 KiB aligned (base_align/top_align)";
                if (Long.compareUnsigned(x2, x1) <= 0) return "top <= base (size_valid)";
                if (realm != null && !realm.rtt.isProtected(x2 - 1)) return "range not entirely protected (rgn_bound)";
                return null;
            }
            case RSI_MEASUREMENT_EXTEND:
                if (x1 == 0 || Long.compareUnsigned(x1, 4) > 0) return "index " + x1 + " is not a REM (1..4)";
                if (Long.compareUnsigned(x2, 64) > 0) return "size " + x2 + " > 64";
                return null;
            case RSI_MEASUREMENT_READ:
                return Long.compareUnsigned(x1, 4) > 0 ? "index " + x1 + " > 4 (index_bound)" : null;
            case RSI_HOST_CALL:
                if ((x1 & 0xFF) != 0) return "RsiHostCall address not 256-byte aligned";
                return realm != null && !realm.rtt.isProtected(x1) ? "RsiHostCall address not protected" : null;
            case RSI_REALM_CONFIG:
                if ((x1 & 0xFFF) != 0) return "buffer not 4 KiB aligned";
                return realm != null && !realm.rtt.isProtected(x1) ? "buffer not protected" : null;
            default:
                return null;
        }
    }
}
