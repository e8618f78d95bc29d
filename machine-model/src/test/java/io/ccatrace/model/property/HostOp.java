package io.ccatrace.model.property;

import io.ccatrace.model.guest.GuestStep;
import io.ccatrace.model.machine.Machine;
import java.util.Arrays;
import java.util.List;

/**
 * One generated thing the outside world does to the machine, through its public API only:
 * an RMI call, a Non-secure write or read, or a guest step queued for a REC. A setup op
 * (create a realm, create a REC) is a short list of these, so every element of a shrunk
 * counterexample is a readable call.
 */
sealed interface HostOp {
    void apply(Machine m);

    record Rmi(String cmd, long fid, long[] args) implements HostOp {
        public void apply(Machine m) {
            m.rmi(0, fid, args);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(cmd).append('(');
            for (int i = 0; i < args.length; i++) {
                b.append(i == 0 ? "" : ", ").append(Pools.hex(args[i]));
            }
            return b.append(')').toString();
        }
    }

    record NsWrite(String what, long pa, byte[] bytes) implements HostOp {
        public void apply(Machine m) {
            m.nsWrite(0, pa, bytes);
        }

        @Override
        public String toString() {
            return "ns_write " + what + " @" + Pools.hex(pa);
        }
    }

    record NsRead(long pa) implements HostOp {
        public void apply(Machine m) {
            m.nsRead(0, pa, 8);
        }

        @Override
        public String toString() {
            return "ns_read @" + Pools.hex(pa);
        }
    }

    record Guest(long rec, GuestStep step) implements HostOp {
        public void apply(Machine m) {
            m.queueStep(rec, step);
        }

        @Override
        public String toString() {
            return "realm @" + Pools.hex(rec) + ": " + step.op().scriptName()
                    + (step.op() == GuestStep.Op.CALL ? " " + Pools.hex(step.fid())
                    + Arrays.toString(Arrays.stream(step.args()).mapToObj(Pools::hex).toArray())
                    : " " + Pools.hex(step.ipa()));
        }
    }

    /** A named sequence (realm or REC construction). */
    record Setup(String name, List<HostOp> steps) implements HostOp {
        public void apply(Machine m) {
            for (HostOp s : steps) s.apply(m);
        }

        @Override
        public String toString() {
            return name + " " + steps;
        }
    }
}
