package io.ccatrace.model.rmi.system;

import io.ccatrace.model.rmi.CommandTable;
import io.ccatrace.model.rmi.RmmModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field of RmiFeatureRegister0 (RMI_FEATURES x1 for index 0) sits in one
 * specification revision, and how it is encoded: the 1.0-rel0 layout of reference 2.5, and
 * the EAC5 layout of reference 12.3 (debug counts as plain counts at [17:14]/[21:18], PMU and
 * hash bits lower, no GICV3_NUM_LRS or MAX_RECS_ORDER). A replay across revisions decodes the
 * recorded value in the recording model's layout and the replayed one in the replay model's,
 * so that a layout change is told apart from a changed value.
 */
public final class Feat0Layout {
    /**
     * One field: bits [lo + width - 1 : lo]; minusOne: the field holds the quantity minus one
     * (the rel0 NUM_BPS, NUM_WPS and GICV3_NUM_LRS), so the decoded value is the quantity.
     */
    public record Field(String name, int lo, int width, boolean minusOne) {
        long raw(long register) {
            return (register >>> lo) & ((1L << width) - 1);
        }

        long decode(long register) {
            return minusOne ? raw(register) + 1 : raw(register);
        }

        long mask() {
            return ((1L << width) - 1) << lo;
        }
    }

    /** Reference 2.5: the 1.0-rel0 layout. */
    public static final Feat0Layout REL0 = new Feat0Layout("rel0", "2.5", withLowFields(
            new Field("NUM_BPS", 14, 6, true),
            new Field("NUM_WPS", 20, 6, true),
            new Field("PMU_EN", 26, 1, false),
            new Field("PMU_NUM_CTRS", 27, 5, false),
            new Field("HASH_SHA_256", 32, 1, false),
            new Field("HASH_SHA_512", 33, 1, false),
            new Field("GICV3_NUM_LRS", 34, 4, true),
            new Field("MAX_RECS_ORDER", 38, 4, false)));

    /** Reference 12.3: the EAC2/EAC5 layout (S2SZ, LPA2 and SVE where rel0 has them). */
    public static final Feat0Layout EAC5 = new Feat0Layout("EAC5", "12.3", withLowFields(
            new Field("NUM_BPS", 14, 4, false),
            new Field("NUM_WPS", 18, 4, false),
            new Field("PMU_EN", 22, 1, false),
            new Field("PMU_NUM_CTRS", 23, 5, false),
            new Field("HASH_SHA_256", 28, 1, false),
            new Field("HASH_SHA_512", 29, 1, false)));

    private final String revision;
    private final String reference;
    private final List<Field> fields;

    /** S2SZ, LPA2 and SVE in bits [13:0], where both revisions keep them, then the given fields. */
    private static List<Field> withLowFields(Field... higher) {
        List<Field> all = new java.util.ArrayList<>(List.of(
                new Field("S2SZ", 0, 8, false),
                new Field("LPA2", 8, 1, false),
                new Field("SVE_EN", 9, 1, false),
                new Field("SVE_VL", 10, 4, false)));
        all.addAll(List.of(higher));
        return List.copyOf(all);
    }

    private Feat0Layout(String revision, String reference, List<Field> fields) {
        this.revision = revision;
        this.reference = reference;
        this.fields = fields;
    }

    /** The layout a model's RMI_FEATURES reports in, by the handler its command table holds. */
    public static Feat0Layout of(RmmModel model) {
        CommandTable.Entry e = model.table().byName("RMI_FEATURES");
        return e != null && e.handler() instanceof Feat0.Layout l ? l.layout() : REL0;
    }

    /** The revision and reference section the layout comes from ("rel0, reference 2.5"). */
    public String name() {
        return revision + ", reference " + reference;
    }

    /** The specification revision whose layout this is ("rel0", "EAC5"). */
    public String revision() {
        return revision;
    }

    /** The reference section that gives the layout. */
    public String reference() {
        return reference;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Each field's decoded value, in layout order. */
    public Map<String, Long> decode(long register) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Field f : fields) m.put(f.name(), f.decode(register));
        return m;
    }

    /**
     * The bits of a field as stored (no minus-one decoding: what RMI_REALM_CREATE compares
     * RealmParams against, reference 4.5), or 0 when this layout has no such field.
     */
    public long raw(long register, String field) {
        for (Field f : fields) {
            if (f.name().equals(field)) return f.raw(register);
        }
        return 0;
    }

    /** The register's bits outside every field (reserved, should be zero). */
    public long reserved(long register) {
        long used = 0;
        for (Field f : fields) used |= f.mask();
        return register & ~used;
    }
}
