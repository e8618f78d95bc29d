package io.ccatrace.model.rmi.system;

import io.ccatrace.model.rmi.RmiCommand;
import io.ccatrace.model.rmi.RmiResult;
import io.ccatrace.model.rmi.RmiStatus;
import io.ccatrace.model.rmi.Rmm;

/** RMI_VERSION(req), reference 4.1: rel0 implements only 1.0; x1 = x2 = 0x10000. */
public final class Version implements RmiCommand {
    public static final long V1_0 = 0x10000;

    @Override
    public RmiResult execute(Rmm rmm, long[] args, int cpu) {
        RmiStatus s = args[0] == V1_0 ? RmiStatus.RMI_SUCCESS : RmiStatus.RMI_ERROR_INPUT;
        return new RmiResult(s, 0, new long[] {V1_0, V1_0});
    }
}
