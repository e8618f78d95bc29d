package io.ccatrace.model.script;

import io.ccatrace.model.guest.GuestStep;
import java.util.List;

/** One validated script action after the `machine` line, with the line it came from. */
public sealed interface Action {
    /** 1-based line of the script. */
    int line();

    /** The host issues an RMI SMC: fid with x1.. = args; name is the table's name or null. */
    record Rmi(int line, int cpu, long fid, String name, long[] args) implements Action {
        public Rmi {
            args = args.clone();
        }

        @Override
        public long[] args() {
            return args.clone();
        }
    }

    /** The host writes bytes at pa (all inside one granule). */
    record NsWrite(int line, int cpu, long pa, byte[] bytes) implements Action {
        public NsWrite {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The host reads len bytes at pa (inside one granule). */
    record NsRead(int line, int cpu, long pa, int len) implements Action {
    }

    /** Guest steps queued for the REC at rec. */
    record Realm(int line, long rec, List<GuestStep> steps) implements Action {
        public Realm {
            steps = List.copyOf(steps);
        }
    }
}
