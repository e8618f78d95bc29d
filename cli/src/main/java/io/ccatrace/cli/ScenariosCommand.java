package io.ccatrace.cli;

import io.ccatrace.model.scenario.Injection;
import io.ccatrace.model.scenario.Scenario;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** ccatrace scenarios: the recordable scenarios and the --inject misbehaviours, one line each. */
@Command(mixinStandardHelpOptions = true, name = "scenarios", description = "List the scenarios `ccatrace record` knows, and the injections.")
public final class ScenariosCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Scenario s : Scenario.values()) {
            out.printf("%-20s %s%n", s.cliName(), s.description());
        }
        out.println();
        out.println("injections (--inject NAME[,NAME...]):");
        for (Injection i : Injection.values()) {
            out.printf("  %-20s %s%n", i.cliName(), i.description());
        }
    }
}
