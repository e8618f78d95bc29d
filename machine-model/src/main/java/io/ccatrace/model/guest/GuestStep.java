package io.ccatrace.model.guest;

/**
 * One thing a realm vCPU does (script-format.md, guest steps): an SMC (RSI or PSCI), a
 * memory access, a host call, WFI/WFE, HVC, or an interrupt arriving.
 *
 * @param op    what kind of step
 * @param fid   function id for CALL (0 otherwise)
 * @param args  x1.. for CALL (empty otherwise)
 * @param ipa   address for READ/WRITE/EXEC, RsiHostCall buffer for HOST_CALL
 * @param value value for WRITE, immediate for HVC and HOST_CALL
 * @param size  access size in bytes (1, 2, 4, 8)
 * @param isv   whether the access's syndrome carries instruction information (emulatable)
 */
public record GuestStep(Op op, long fid, long[] args, long ipa, long value, int size, boolean isv) {
    /** Step kinds; lower-case names are the script's step keys. */
    public enum Op {
        CALL, READ, WRITE, EXEC, HOST_CALL, WFI, WFE, HVC, IRQ, FIQ;

        private final String scriptName = name().toLowerCase(java.util.Locale.ROOT);

        public String scriptName() {
            return scriptName;
        }
    }

    private static final long[] NO_ARGS = new long[0];

    public GuestStep {
        args = args == null || args.length == 0 ? NO_ARGS : args.clone();
    }

    public static GuestStep call(long fid, long... args) {
        return new GuestStep(Op.CALL, fid, args, 0, 0, 8, true);
    }

    public static GuestStep read(long ipa) {
        return new GuestStep(Op.READ, 0, NO_ARGS, ipa, 0, 8, true);
    }

    public static GuestStep write(long ipa, long value) {
        return new GuestStep(Op.WRITE, 0, NO_ARGS, ipa, value, 8, true);
    }

    public static GuestStep exec(long ipa) {
        return new GuestStep(Op.EXEC, 0, NO_ARGS, ipa, 0, 8, true);
    }

    public static GuestStep hostCall(long imm, long bufferIpa) {
        return new GuestStep(Op.HOST_CALL, 0, NO_ARGS, bufferIpa, imm, 8, true);
    }

    public static GuestStep of(Op op) {
        return new GuestStep(op, 0, NO_ARGS, 0, 0, 8, true);
    }

    public static GuestStep hvc(long imm) {
        return new GuestStep(Op.HVC, 0, NO_ARGS, 0, imm, 8, true);
    }
}
