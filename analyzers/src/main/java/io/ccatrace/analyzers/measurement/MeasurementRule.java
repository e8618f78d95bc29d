package io.ccatrace.analyzers.measurement;

import io.ccatrace.analyzers.engine.Shadow;
import io.ccatrace.analyzers.finding.BaseRule;
import io.ccatrace.analyzers.finding.FindingSink;
import io.ccatrace.analyzers.realm.RealmShadow;
import io.ccatrace.analyzers.rec.RecShadow;
import io.ccatrace.analyzers.rmi.RsiCommand;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.EventView;
import java.util.HexFormat;

/**
 * Rule 9: the RIM must not change after activation, and every RIM value the trace reports
 * must equal the one recomputed from the trace's own inputs (RealmParams, RecParams and
 * DATA sources written by the host, the RTT shape for RTT_INIT_RIPAS), with the descriptors
 * of reference 9.6 and the chain of 10.2. What a realm reads with RSI_MEASUREMENT_READ must
 * match too (REMs recomputed from its RSI_MEASUREMENT_EXTEND calls, 10.3).
 */
public final class MeasurementRule extends BaseRule {
    public static final String ID = "measurement";
    private static final HexFormat HEX = HexFormat.of();

    public MeasurementRule() {
        super(ID, "RIM changed after activation, or reported RIM/REM differs from the recomputed one",
                "4.6 (RIM frozen at activation), 9.6, 10.2, 10.3",
                EventKind.MEASUREMENT, EventKind.RSI_CALL, EventKind.RMI_CALL, EventKind.NS_WRITE,
                EventKind.NS_READ, EventKind.GUEST_STEP);
    }

    @Override
    public void check(EventView e, Shadow s, FindingSink out) {
        if (s.row.kind() == EventKind.MEASUREMENT) {
            checkRow(e, s, out);
        } else if (s.row.kind() == EventKind.RSI_CALL) {
            checkRead(e, s, out);
        } else {
            checkNothingMissing(s, out);
        }
    }

    @Override
    public void finish(Shadow s, FindingSink out) {
        checkNothingMissing(s, out);
    }

    private void checkRow(EventView e, Shadow s, FindingSink out) {
        RealmShadow r = s.realm(e.realm());
        if (r == null || e.index() != 0) return;
        RealmMeasurements m = r.measurements;
        if (r.state.activated()) {
            out.violation(ID, r.rd, "RIM of an active realm changed (" + e.cmd() + ") at seq " + e.seq()
                    + "; it is frozen at activation (seq " + r.activatedSeq + ", 4.6)", e.seq(), r.activatedSeq);
            return;
        }
        byte[] want = m.hasExpected() ? m.pollPeek() : null;
        if (want == null) {
            out.violation(ID, r.rd, "RIM extended (" + e.cmd() + ") by an input that measures nothing"
                    + " (10.2 lists REALM_CREATE, DATA_CREATE, runnable REC_CREATE, RTT_INIT_RIPAS)",
                    e.seq(), e.causeSeq());
        } else if (!RealmMeasurements.sameSlot(want, e.payload())) {
            int len = m.hash().length();
            out.violation(ID, r.rd, "RIM reported after " + m.expectedCmd() + " is "
                    + HEX.formatHex(RealmMeasurements.normalize(e.payload()), 0, len) + " but recomputing it from"
                    + " the trace's inputs gives " + HEX.formatHex(want, 0, len) + " (9.6, 10.2)",
                    e.seq(), e.causeSeq());
        }
    }

    /** Any input row (RMI_CALL, NS_WRITE, NS_READ, GUEST_STEP): the previous input's RIM extensions all came. */
    public void checkNothingMissing(Shadow s, FindingSink out) {
        RealmShadow r = s.realm(s.measuredRealm());
        if (r == null || !r.measurements.hasExpected()) return;
        RealmMeasurements m = r.measurements;
        out.violation(ID, r.rd, m.expectedCmd() + " succeeded but the RIM was not extended "
                + m.expectedCount() + " more time(s) as 10.2 requires", m.expectedFromSeq());
    }

    private void checkRead(EventView e, Shadow s, FindingSink out) {
        if (s.row.rsi() != RsiCommand.RSI_MEASUREMENT_READ || !s.row.success) return;
        RecShadow rec = s.rec(e.rec());
        RealmShadow r = s.realm(rec == null ? e.realm() : rec.realm);
        long index = s.row.arg(1);
        if (r == null || index < 0 || index > 4) return;
        byte[] read = new byte[64];
        for (int i = 0; i < 8; i++) {
            long v = s.row.outReg(i + 1);
            for (int b = 0; b < 8 && v != Shadow.NULL; b++) read[8 * i + b] = (byte) (v >>> (8 * b));
        }
        RealmMeasurements m = r.measurements;
        byte[] want = index == 0 ? m.rim() : m.rem((int) index);
        if (!RealmMeasurements.sameSlot(want, read)) {
            int len = m.hash().length();
            out.violation(ID, r.rd, "realm read measurement " + index + " = " + HEX.formatHex(read, 0, len)
                    + " but the trace's own history gives " + HEX.formatHex(want, 0, len)
                    + (index == 0 ? " (10.2)" : " (10.3: REM extended by the realm's own calls)"), e.seq());
        }
    }
}
