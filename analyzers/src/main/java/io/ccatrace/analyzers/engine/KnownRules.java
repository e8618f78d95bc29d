package io.ccatrace.analyzers.engine;

import io.ccatrace.analyzers.fault.DestroyedIpaRule;
import io.ccatrace.analyzers.fault.EmptyAccessRule;
import io.ccatrace.analyzers.finding.FindingSink;
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

/**
 * The enabled rules that judge the fused kinds' rows, by class, so that a fused handler
 * ({@link RowHandlers}) calls each one's narrow method directly (one call site per rule, which
 * the compiler can inline) after a null test, instead of every rule's check() through one
 * megamorphic call site. A field is null when its rule is not enabled (`--rule`). Rules of
 * other classes (explain's, the report's) are kept apart, per kind, and called as before.
 */
final class KnownRules {
    final NsMappingInProtectedRule nsInProtected;
    final ProtectedMappingInUnprotectedRule protectedInUnprotected;
    final GranulePasRule pas;
    final GranuleReleaseRule release;
    final GranuleAliasRule alias;
    final RipasChangeRule ripas;
    final EmptyAccessRule empty;
    final DestroyedIpaRule destroyed;
    final MeasurementRule measurement;
    final MustFailRule mustFail;
    final NsAccessGpfRule gpf;
    final LifecycleRule lifecycle;
    /** Rules of no class above, for the kinds the fused handlers take. */
    final RuleLoop others;

    KnownRules(List<Rule> rules, Shadow shadow, FindingSink sink) {
        nsInProtected = first(rules, NsMappingInProtectedRule.class);
        protectedInUnprotected = first(rules, ProtectedMappingInUnprotectedRule.class);
        pas = first(rules, GranulePasRule.class);
        release = first(rules, GranuleReleaseRule.class);
        alias = first(rules, GranuleAliasRule.class);
        ripas = first(rules, RipasChangeRule.class);
        empty = first(rules, EmptyAccessRule.class);
        destroyed = first(rules, DestroyedIpaRule.class);
        measurement = first(rules, MeasurementRule.class);
        mustFail = first(rules, MustFailRule.class);
        gpf = first(rules, NsAccessGpfRule.class);
        lifecycle = first(rules, LifecycleRule.class);
        List<Rule> rest = new ArrayList<>();
        for (Rule r : rules) {
            if (!knownClass(r)) rest.add(r);
        }
        others = new RuleLoop(shadow, sink, rest);
    }

    /** Whether no two rules share one of the classes above (else the fused handlers would miss the second). */
    static boolean oneEach(List<Rule> rules) {
        List<Class<?>> seen = new ArrayList<>();
        for (Rule r : rules) {
            if (!knownClass(r)) continue;
            if (seen.contains(r.getClass())) return false;
            seen.add(r.getClass());
        }
        return true;
    }

    private static boolean knownClass(Rule r) {
        return r instanceof NsMappingInProtectedRule || r instanceof ProtectedMappingInUnprotectedRule
                || r instanceof GranulePasRule || r instanceof GranuleReleaseRule || r instanceof GranuleAliasRule
                || r instanceof RipasChangeRule || r instanceof EmptyAccessRule || r instanceof DestroyedIpaRule
                || r instanceof MeasurementRule || r instanceof MustFailRule || r instanceof NsAccessGpfRule
                || r instanceof LifecycleRule;
    }

    private static <T extends Rule> T first(List<Rule> rules, Class<T> c) {
        for (Rule r : rules) {
            if (c.isInstance(r)) return c.cast(r);
        }
        return null;
    }
}
