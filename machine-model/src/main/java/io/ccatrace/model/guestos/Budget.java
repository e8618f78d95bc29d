package io.ccatrace.model.guestos;

/** Decides how long the realms' steady phase lasts (the scenario's --events). */
public interface Budget {
    /** Whether vCPU vcpu of realm realm should do another unit of steady work. */
    boolean more(int realm, int vcpu, long unitsDone);

    /** Whether one-shot misbehaviours may strike now (late in a long recording). */
    boolean armed();
}
