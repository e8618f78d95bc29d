package io.ccatrace.model.rmi;

import java.util.EnumSet;
import java.util.Set;

/**
 * An RMM model: a specification revision (its command table) plus a set of quirks
 * (revision rules and seeded bugs). Selected by id with --rmm.
 */
public record RmmModel(String id, String description, CommandTable table, Set<Quirk> quirks) {
    public RmmModel {
        quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
    }

    public boolean has(Quirk q) {
        return quirks.contains(q);
    }
}
