package io.ccatrace.cli;

import io.ccatrace.model.rmi.ModelFailure;
import java.nio.file.Path;

/**
 * A recording (`record`, `run`, a re-recording of `diff --against`) stopped because the RMM
 * model broke a machine invariant in an RMI call ({@link ModelFailure}): one line naming the
 * model, the call, its seq and what broke, and what the trace keeps. Exit 1 when the model is a
 * seeded-bug variant (the bug's consequence is the finding), 3 otherwise (a ccatrace bug).
 */
final class ModelBroke extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    ModelBroke(Path trace, ModelFailure f) {
        super(trace + ": the RMM model " + f.model() + " broke a machine invariant in " + f.call() + " at seq "
                + f.seq() + ": " + f.what() + "; the trace keeps the " + f.seq() + " events before it, as an"
                + " unfinished recording" + (f.seededBug() ? " (the seeded bug's doing: docs/models.md)"
                        : " (a bug in ccatrace: please report it)"), f);
        this.exitCode = f.seededBug() ? ExitCodes.FINDING : ExitCodes.INTERNAL;
    }

    int exitCode() {
        return exitCode;
    }

    ModelFailure failure() {
        return (ModelFailure) getCause();
    }

    /** The failure as this exception when it is a model failure, else e itself. */
    static RuntimeException of(Path trace, RuntimeException e) {
        return e instanceof ModelFailure ? new ModelBroke(trace, (ModelFailure) e) : e;
    }
}
