package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.fault.DestroyedIpaRule;
import io.ccatrace.analyzers.fault.EmptyAccessRule;
import io.ccatrace.analyzers.finding.Rule;
import io.ccatrace.analyzers.gpt.NsAccessGpfRule;
import io.ccatrace.analyzers.granule.GranuleAliasRule;
import io.ccatrace.analyzers.granule.GranulePasRule;
import io.ccatrace.analyzers.granule.GranuleReleaseRule;
import io.ccatrace.analyzers.measurement.MeasurementRule;
import io.ccatrace.analyzers.realm.LifecycleRule;
import io.ccatrace.analyzers.ripas.RipasChangeRule;
import io.ccatrace.analyzers.rmi.MustFailRule;
import io.ccatrace.analyzers.rtt.NsMappingInProtectedRule;
import io.ccatrace.analyzers.rtt.ProtectedMappingInUnprotectedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every rule, in the order of issue 6's list. Rules hold state, so each run gets new ones. */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(new NsMappingInProtectedRule(), new ProtectedMappingInUnprotectedRule(),
                new GranulePasRule(), new GranuleReleaseRule(), new GranuleAliasRule(),
                new RipasChangeRule(), new EmptyAccessRule(), new DestroyedIpaRule(),
                new MeasurementRule(), new MustFailRule(), new NsAccessGpfRule(), new LifecycleRule());
    }

    public static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        for (Rule r : all()) ids.add(r.id());
        return ids;
    }

    /**
     * The rules whose ids are listed (all when the list is null or empty).
     *
     * @throws IllegalArgumentException naming the first unknown id
     */
    public static List<Rule> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) return all();
        return selectExactly(ids);
    }

    /**
     * Exactly the rules whose ids are listed (none for an empty list).
     *
     * @throws IllegalArgumentException naming the first unknown id
     */
    public static List<Rule> selectExactly(List<String> ids) {
        List<Rule> all = all();
        List<Rule> out = new ArrayList<>();
        for (String id : ids) {
            Rule found = null;
            for (Rule r : all) {
                if (r.id().equals(id.trim())) found = r;
            }
            if (found == null) throw new IllegalArgumentException("unknown rule '" + id.trim() + "' (known: "
                    + String.join(", ", ids()) + ")");
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }
}
