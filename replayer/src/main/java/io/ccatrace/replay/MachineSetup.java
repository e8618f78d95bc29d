package io.ccatrace.replay;

import io.ccatrace.model.machine.Machine;
import io.ccatrace.model.machine.MachineConfig;
import io.ccatrace.model.rmi.RmmModels;
import io.ccatrace.model.script.MachineJson;
import io.ccatrace.model.script.ScriptException;
import io.ccatrace.replay.input.BadInputException;
import io.ccatrace.trace.TraceMetadata;

/**
 * Rebuilds the machine a trace was recorded on from its metadata (the canonical machine
 * JSON under ccatrace.machine; the script defaults when absent), optionally on another
 * RMM model.
 */
public final class MachineSetup {
    private MachineSetup() {
    }

    /** The recorded machine configuration, with rmm replacing the model when non-null. */
    public static MachineConfig config(TraceMetadata meta, String rmm) {
        String json = meta.get(TraceMetadata.MACHINE);
        MachineConfig c;
        if (json == null) {
            c = MachineConfig.defaults();
            String recorded = meta.get(TraceMetadata.RMM_MODEL);
            if (recorded != null) c = c.withRmmModel(recorded);
        } else {
            try {
                c = MachineJson.fromJson(json);
            } catch (ScriptException e) {
                throw new BadInputException("trace metadata " + TraceMetadata.MACHINE + ": "
                        + e.getMessage());
            }
        }
        if (rmm != null) c = c.withRmmModel(checkModel(rmm));
        return c;
    }

    /** The model a trace was recorded on, as its metadata says ("1.0" when it does not). */
    public static String recordedModel(TraceMetadata meta) {
        String m = meta.get(TraceMetadata.RMM_MODEL);
        return m == null ? config(meta, null).rmmModel() : m;
    }

    public static Machine machine(TraceMetadata meta, String rmm) {
        return new Machine(config(meta, rmm));
    }

    /** id itself if it names a model; a one-line BadInputException listing them otherwise. */
    public static String checkModel(String id) {
        if (RmmModels.byId(id) == null) {
            throw new BadInputException("unknown RMM model '" + id + "' (known: "
                    + String.join(", ", RmmModels.all().keySet()) + ")");
        }
        return id;
    }
}
