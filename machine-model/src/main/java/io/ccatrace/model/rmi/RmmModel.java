package io.ccatrace.model.rmi;

import io.ccatrace.model.rsi.RealmCallTable;
import io.ccatrace.model.rsi.Rsi10;
import java.util.EnumSet;
import java.util.Set;

/**
 * An RMM model: a specification revision (its RMI command table and the table of SMCs a
 * realm can make) plus a set of quirks (revision rules and seeded bugs). Selected by id
 * with --rmm.
 */
public record RmmModel(String id, String description, CommandTable table, Set<Quirk> quirks,
                       RealmCallTable realmCalls) {
    public RmmModel {
        quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
    }

    /** A model whose realms see the 1.0-rel0 RSI/PSCI table. */
    public RmmModel(String id, String description, CommandTable table, Set<Quirk> quirks) {
        this(id, description, table, quirks, Rsi10.table());
    }

    public boolean has(Quirk q) {
        return quirks.contains(q);
    }

    /** Whether the model carries a seeded bug (a BUG_ quirk), as opposed to a specification revision. */
    public boolean seededBug() {
        for (Quirk q : quirks) {
            if (q.bug()) return true;
        }
        return false;
    }
}
