package io.ccatrace.model.rmi;

/**
 * One RMI command handler. Implementations check the failure conditions top to bottom in
 * the reference's order, each a short named guard, then apply the success effects.
 * args[0] is x1.
 */
@FunctionalInterface
public interface RmiCommand {
    RmiResult execute(Rmm rmm, long[] args, int cpu);
}
