package io.ccatrace.replay.diff;

import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.Arrays;
import java.util.Objects;

/**
 * Whether two input rows are the same input: equal in every operand the replay feeds the
 * machine from ({@code InputFeeder}): the kind, command, FID, arguments, the CPU it ran on,
 * PA, IPA, REC, the access size, an NS_WRITE's bytes, and a guest step's value and ISV flag
 * (its index column). The rest of an input row is its outcome (status, index and x1.. of an
 * RMI call, the bytes an NS_READ got) or its place (seq, time). Before, the CPU, the size
 * and a guest step's value and ISV flag were not compared, so two hosts that issued a call
 * on different CPUs (or read a different number of bytes) were reported as a divergent
 * outcome ("cpu") instead of as inputs that differ, where the alignment ends.
 */
final class InputOperands {
    private InputOperands() {
    }

    /** The first operand in which x and y differ (as the dump names it), or null when they are the same input. */
    static String difference(EventView x, EventView y) {
        if (x.kind() != y.kind()) return "kind";
        if (!Objects.equals(x.cmd(), y.cmd())) return "cmd";
        if (x.fid() != y.fid()) return "fid";
        if (!Arrays.equals(x.args(), y.args())) return "args";
        if (x.cpu() != y.cpu()) return "cpu";
        if (x.rec() != y.rec()) return "rec";
        if (x.pa() != y.pa()) return "pa";
        if (x.ipa() != y.ipa()) return "ipa";
        if (x.size() != y.size()) return "size";
        if (x.kind() == EventKind.NS_WRITE && !Arrays.equals(x.payload(), y.payload())) return "payload";
        if (x.kind() == EventKind.GUEST_STEP && x.value() != y.value()) return "value";
        if (x.kind() == EventKind.GUEST_STEP && x.index() != y.index()) return "index";
        return null;
    }
}
