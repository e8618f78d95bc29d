package io.ccatrace.replay.divergence;

import io.ccatrace.trace.EventView;
import java.util.Arrays;
import java.util.Objects;

/**
 * The replay's fast path: whether two rows agree exactly in every column {@link FieldDiff}
 * compares (all but seq, time, kind, input, cause_seq and chain). Straight-line field
 * comparisons with no allocation; when it says no, {@link FieldDiff#between} names the
 * difference (and may still accept the tolerated ones, like trimmed REC_EXIT registers).
 */
final class SameOutcome {
    private SameOutcome() {
    }

    static boolean of(EventView a, EventView b) {
        return a.kind() == b.kind() && a.cpu() == b.cpu() && a.fid() == b.fid() && a.index() == b.index()
                && a.realm() == b.realm() && a.rec() == b.rec() && a.ipa() == b.ipa() && a.pa() == b.pa()
                && a.level() == b.level() && a.esr() == b.esr() && a.far() == b.far()
                && a.hpfar() == b.hpfar() && a.value() == b.value() && a.size() == b.size()
                && Objects.equals(a.cmd(), b.cmd()) && Objects.equals(a.status(), b.status())
                && Objects.equals(a.from(), b.from()) && Objects.equals(a.to(), b.to())
                && Objects.equals(a.fromRipas(), b.fromRipas()) && Objects.equals(a.toRipas(), b.toRipas())
                && Objects.equals(a.pas(), b.pas()) && Objects.equals(a.ripas(), b.ripas())
                && Objects.equals(a.exitReason(), b.exitReason()) && Objects.equals(a.access(), b.access())
                && Objects.equals(a.half(), b.half()) && Objects.equals(a.outcome(), b.outcome())
                && Arrays.equals(a.args(), b.args()) && Arrays.equals(a.out(), b.out())
                && Arrays.equals(a.payload(), b.payload());
    }
}
