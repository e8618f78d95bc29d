package io.ccatrace.replay.input;

import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.machine.Machine;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventView;
import io.ccatrace.trace.TraceEvent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Feeds one recorded input row into a machine, the way the host (or a script) did when the
 * trace was recorded: RMI_CALL -> an RMI SMC, NS_WRITE / NS_READ -> a host memory access,
 * GUEST_STEP -> a step queued for the REC. Before the input, simulated time is moved up to
 * the recorded time of the input (the host may have spent time between inputs).
 */
public final class InputFeeder {
    private static final long[] NO_REGS = new long[0];
    /** The optional columns {@link #feed} reads of an input row (RMI_CALL, NS_WRITE, NS_READ, GUEST_STEP). */
    public static final Set<Column> READS = Collections.unmodifiableSet(EnumSet.of(Column.CPU, Column.FID, Column.ARGS,
            Column.PA, Column.SIZE, Column.PAYLOAD, Column.REC, Column.CMD, Column.IPA, Column.VALUE, Column.INDEX));

    private InputFeeder() {
    }

    /** Feeds `in` (an input row) into m. Throws BadInputException for a malformed row. */
    public static void feed(Machine m, EventView in) {
        long gap = in.time() - m.bus().now();
        if (gap > 0) m.bus().advance(gap);
        switch (in.kind()) {
            case RMI_CALL:
                long[] args = in.args();           // no copy here: the RMM copies the arguments on entry
                m.rmi(cpu(in), require(in, in.fid(), "fid"), args == null ? NO_REGS : args);
                break;
            case NS_WRITE:
                byte[] bytes = in.payload();
                if (bytes == null) throw bad(in, "payload");
                m.nsWrite(cpu(in), withinGranule(in, require(in, in.pa(), "pa"), bytes.length), bytes);   // copied by the machine before it returns
                break;
            case NS_READ:
                m.nsRead(cpu(in), withinGranule(in, require(in, in.pa(), "pa"), size(in)), size(in));
                break;
            case GUEST_STEP:
                m.queueStep(require(in, in.rec(), "rec"), GuestStepRows.step(in));
                break;
            default:
                throw new IllegalArgumentException(in.kind() + " is not an input");
        }
    }

    private static int cpu(EventView in) {
        return in.cpu() == TraceEvent.NULL_INT ? 0 : in.cpu();
    }

    private static int size(EventView in) {
        if (in.size() == TraceEvent.NULL_INT || in.size() < 0) throw bad(in, "size");
        return in.size();
    }

    /**
     * pa, when len bytes from it stay in one 4 KiB granule (script-format.md: a host access
     * never crosses one; the machine refuses such an access, which is the row's fault).
     */
    private static long withinGranule(EventView in, long pa, int len) {
        if ((pa & 0xFFF) + len > 4096) {
            throw new BadInputException("seq " + in.seq() + ": " + in.kind() + " of " + len + " bytes at 0x"
                    + Long.toHexString(pa) + " crosses a 4 KiB granule boundary");
        }
        return pa;
    }

    static long require(EventView in, long v, String column) {
        if (v == TraceEvent.NULL) throw bad(in, column);
        return v;
    }

    static BadInputException bad(EventView in, String column) {
        return new BadInputException("seq " + in.seq() + ": " + in.kind()
                + " without a valid \"" + column + "\"");
    }

}
