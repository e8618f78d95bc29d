package io.ccatrace.cli;

import io.ccatrace.model.rmi.RmmModel;
import io.ccatrace.model.rmi.RmmModels;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `ccatrace models`: the RMM models --rmm accepts, one line each. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the RMM models (--rmm on record, run, replay, state, diff); see docs/models.md.")
public final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = 0;
        for (String id : RmmModels.all().keySet()) width = Math.max(width, id.length());
        for (RmmModel m : RmmModels.all().values()) {
            out.println(String.format("%-" + width + "s  %s", m.id(), m.description()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
