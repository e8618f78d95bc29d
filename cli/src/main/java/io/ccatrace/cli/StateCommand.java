package io.ccatrace.cli;

import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.replay.MachineSetup;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.replay.checkpoint.StateQuery;
import io.ccatrace.replay.state.StateReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ccatrace state`: the machine state just after one event, as the trace records it. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = {"Print the machine state just after event SEQ: granule state and PAS,"
                + " the RTT walk and RIPAS of an IPA, REC state, realm state and measurements.",
                "Rebuilt from the trace's effects (docs/replay.md), starting from the last"
                + " checkpoint at or before SEQ when TRACE.ckpt exists (see `ccatrace checkpoint`)."})
public final class StateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE")
    Path trace;

    @Option(names = "--at", required = true, paramLabel = "SEQ", converter = Numbers.class)
    long at;

    @Option(names = "--realm", paramLabel = "RD", converter = Numbers.class)
    Long realm;

    @Option(names = "--ipa", paramLabel = "IPA", converter = Numbers.class,
            description = "the RTT walk and RIPAS of this IPA in --realm (without it: in the --rec's realm, or the trace's only one)")
    Long ipa;

    @Option(names = "--pa", paramLabel = "PA", converter = Numbers.class)
    Long pa;

    @Option(names = "--rec", paramLabel = "REC", converter = Numbers.class)
    Long rec;

    @Option(names = "--no-checkpoint", description = "read the trace from its first event even when TRACE.ckpt exists")
    boolean noCheckpoint;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (at < 0) {
            // Numbers reads 64-bit unsigned values (addresses); a seq is a signed long, so 2^63 and up wrapped to
            // negative and printed the empty state "just after seq -1" with exit 0
            throw new UserException("--at " + Long.toUnsignedString(at) + " is beyond the largest seq a trace can have (2^63 - 1)");
        }
        try {
            StateQuery.Result q = StateQuery.at(trace, at, !noCheckpoint, Warnings.to(spec));
            MachineConfig config = MachineSetup.config(q.metadata(), null);
            if (q.state().lastSeq() < at) {
                if (q.nextSeq() >= 0) {
                    // an imported trace may skip seqs: name the neighbours instead of "past the end"
                    throw new UserException(trace + ": --at " + at + ": no event has that seq (the trace goes from "
                            + (q.state().lastSeq() < 0 ? "its start" : "seq " + q.state().lastSeq()) + " to seq "
                            + q.nextSeq() + ")");
                }
                throw new UserException(trace + ": --at " + at + " is past the trace's last event"
                        + (q.state().lastSeq() < 0 ? " (it has none)" : " (seq " + q.state().lastSeq() + ")"));
            }
            StateReport r = new StateReport(q.state(), config, out);
            long rd = ipa == null ? -1 : ipaRealm(r);
            r.header(at);
            boolean any = false;
            if (pa != null) {
                r.granule(pa);
                any = true;
            }
            if (rec != null) {
                r.rec(rec);
                any = true;
            }
            if (ipa != null) {
                if (realm != null || rec == null || !r.recOfEarlierRealm(rec)) r.ipa(rd, ipa);
                any = true;
            } else if (realm != null) {
                r.realm(realm);
                any = true;
            }
            if (!any) r.overview();
        } catch (BadInputException e) {
            throw new UserException(trace + ": " + e.getMessage());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The realm whose RTTs --ipa walks: --realm, else the --rec's realm, else the trace's only realm. */
    private long ipaRealm(StateReport r) {
        if (realm != null) return realm;
        long ofRec = rec == null ? -1 : r.realmOfRec(rec);
        if (ofRec != -1) return ofRec;
        long only = r.onlyRealm();
        if (only == -1) {
            throw new UserException("--ipa needs --realm (the trace has " + (rec != null ? "no REC 0x" + Long.toHexString(rec)
                    + " and " : "") + "no single realm at seq " + at + ")");
        }
        return only;
    }
}
