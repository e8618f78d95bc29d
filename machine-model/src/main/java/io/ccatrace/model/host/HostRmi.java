package io.ccatrace.model.host;

import io.ccatrace.model.machine.Machine;

/**
 * The host's RMI SMC instruction: one method per 1.0 command, arguments in the spec's
 * order (reference section 3). Every call goes through {@link Machine#rmi}, the machine's
 * public input, on the physical CPU the scheduler chose ({@link #onCpu}).
 */
public final class HostRmi {
    private final Machine machine;
    private int cpu;

    public HostRmi(Machine machine) {
        this.machine = machine;
    }

    /** Sets the physical CPU the following calls run on. */
    public void onCpu(int c) {
        this.cpu = c;
    }

    public int cpu() {
        return cpu;
    }

    public Machine machine() {
        return machine;
    }

    public RmiReturn call(long fid, long... args) {
        return RmiReturn.of(machine.rmi(cpu, fid, args));
    }

    public RmiReturn delegate(long pa) { return call(RmiFid.GRANULE_DELEGATE, pa); }
    public RmiReturn undelegate(long pa) { return call(RmiFid.GRANULE_UNDELEGATE, pa); }
    public RmiReturn features(long index) { return call(RmiFid.FEATURES, index); }
    public RmiReturn version(long req) { return call(RmiFid.VERSION, req); }
    public RmiReturn realmCreate(long rd, long params) { return call(RmiFid.REALM_CREATE, rd, params); }
    public RmiReturn realmActivate(long rd) { return call(RmiFid.REALM_ACTIVATE, rd); }
    public RmiReturn realmDestroy(long rd) { return call(RmiFid.REALM_DESTROY, rd); }
    public RmiReturn recAuxCount(long rd) { return call(RmiFid.REC_AUX_COUNT, rd); }
    public RmiReturn recCreate(long rd, long rec, long params) { return call(RmiFid.REC_CREATE, rd, rec, params); }
    public RmiReturn recDestroy(long rec) { return call(RmiFid.REC_DESTROY, rec); }
    public RmiReturn recEnter(long rec, long run) { return call(RmiFid.REC_ENTER, rec, run); }
    public RmiReturn psciComplete(long caller, long target, long status) {
        return call(RmiFid.PSCI_COMPLETE, caller, target, status);
    }
    public RmiReturn dataCreate(long rd, long data, long ipa, long src, long flags) {
        return call(RmiFid.DATA_CREATE, rd, data, ipa, src, flags);
    }
    public RmiReturn dataCreateUnknown(long rd, long data, long ipa) {
        return call(RmiFid.DATA_CREATE_UNKNOWN, rd, data, ipa);
    }
    public RmiReturn dataDestroy(long rd, long ipa) { return call(RmiFid.DATA_DESTROY, rd, ipa); }
    public RmiReturn rttCreate(long rd, long rtt, long ipa, int level) {
        return call(RmiFid.RTT_CREATE, rd, rtt, ipa, level);
    }
    public RmiReturn rttDestroy(long rd, long ipa, int level) { return call(RmiFid.RTT_DESTROY, rd, ipa, level); }
    public RmiReturn rttFold(long rd, long ipa, int level) { return call(RmiFid.RTT_FOLD, rd, ipa, level); }
    public RmiReturn rttMapUnprotected(long rd, long ipa, int level, long desc) {
        return call(RmiFid.RTT_MAP_UNPROTECTED, rd, ipa, level, desc);
    }
    public RmiReturn rttUnmapUnprotected(long rd, long ipa, int level) {
        return call(RmiFid.RTT_UNMAP_UNPROTECTED, rd, ipa, level);
    }
    public RmiReturn rttReadEntry(long rd, long ipa, int level) { return call(RmiFid.RTT_READ_ENTRY, rd, ipa, level); }
    public RmiReturn rttInitRipas(long rd, long base, long top) { return call(RmiFid.RTT_INIT_RIPAS, rd, base, top); }
    public RmiReturn rttSetRipas(long rd, long rec, long base, long top) {
        return call(RmiFid.RTT_SET_RIPAS, rd, rec, base, top);
    }

    /** Host write of Non-secure memory (a GPF when the granule is not NS). */
    public boolean write(long pa, byte[] bytes) {
        return machine.nsWrite(cpu, pa, bytes);
    }

    /** Host read of Non-secure memory; null on a GPF. */
    public byte[] read(long pa, int len) {
        return machine.nsRead(cpu, pa, len);
    }
}
