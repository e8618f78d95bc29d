package io.ccatrace.model.rmi;

/**
 * An RMI call during which the RMM model broke one of the machine's invariants (for example
 * a granule moved to a state its PAS forbids). With a seeded-bug model this is the bug's
 * consequence (docs/models.md: `1.0-bug-destroy-keeps-mapping` frees a granule that stays
 * mapped, so a later DATA_DESTROY frees it twice); with a specified model it is a simulator
 * bug. It names the call: the seq reserved for it (its row is never written, since the call
 * did not complete) and its operands. The original exception is the cause.
 */
public final class ModelFailure extends RuntimeException {
    private final long seq;
    private final String call;
    private final String model;
    private final boolean seededBug;

    ModelFailure(long seq, String name, long[] args, int cpu, RmmModel model, RuntimeException cause) {
        this(seq, describe(name, args, cpu), model, cause);
    }

    private ModelFailure(long seq, String call, RmmModel model, RuntimeException cause) {
        super(call + " at seq " + seq + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        this.seq = seq;
        this.call = call;
        this.model = model.id();
        this.seededBug = model.seededBug();
    }

    /** Whether the model is a seeded-bug variant (the failure is then the bug's doing, not ccatrace's). */
    public boolean seededBug() {
        return seededBug;
    }

    /**
     * What the model threw, without this wrapper: for a replay, whose report names the input
     * and its seq in the trace (the replayed machine's own seq may differ after a divergence).
     */
    public static RuntimeException unwrap(RuntimeException e) {
        return e instanceof ModelFailure && e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }

    /** The seq the call would have had. */
    public long seq() {
        return seq;
    }

    /** The call and its operands, e.g. "RMI_DATA_DESTROY x1=0x81000000 x2=0x80300000 (cpu 0)". */
    public String call() {
        return call;
    }

    /** The RMM model's id. */
    public String model() {
        return model;
    }

    /** What broke, in the model's words (the cause's message). */
    public String what() {
        return getCause().getMessage();
    }

    private static String describe(String name, long[] args, int cpu) {
        StringBuilder s = new StringBuilder(name);
        for (int i = 0; i < args.length; i++) s.append(" x").append(i + 1).append("=0x").append(Long.toHexString(args[i]));
        return s.append(" (cpu ").append(cpu).append(')').toString();
    }
}
