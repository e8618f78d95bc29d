package io.ccatrace.model.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccatrace.model.realm.RealmParams;
import io.ccatrace.model.rec.RecParams;
import io.ccatrace.model.rec.RecRunEnter;
import java.util.List;

/**
 * Where the fields of a host-written structure sit in its page (reference 9.1-9.3), so a
 * script's `realm_params` / `rec_params` / `rec_run` object becomes the real little-endian
 * bytes the RMM reads. Field names are the spec's in lower snake case; omitted fields and
 * unlisted bytes are zero. Array fields (gprs, aux, gicv3_lrs, rpv) are lists of 64-bit
 * words, shorter lists leave the rest zero.
 *
 * @param name  the script key of the structure
 * @param size  bytes written: the whole 4 KiB params page, or the RecRun entry half
 */
record PageLayout(String name, int size, List<Field> fields) {
    /**
     * One field: offset, width of one element in bytes, number of elements, and whether the
     * spec types it as signed (then a negative value is its two's complement).
     */
    record Field(String name, int offset, int width, int count, boolean signed) {
        Field(String name, int offset, int width, int count) {
            this(name, offset, width, count, false);
        }
    }

    /** RmiRealmParams (reference 9.1). Numeric fields get their 8-byte slot. */
    static final PageLayout REALM_PARAMS = new PageLayout("realm_params", 4096, List.of(
            new Field("flags", RealmParams.OFF_FLAGS, 8, 1),
            new Field("s2sz", RealmParams.OFF_S2SZ, 8, 1),
            new Field("sve_vl", RealmParams.OFF_SVE_VL, 8, 1),
            new Field("num_bps", RealmParams.OFF_NUM_BPS, 8, 1),
            new Field("num_wps", RealmParams.OFF_NUM_WPS, 8, 1),
            new Field("pmu_num_ctrs", RealmParams.OFF_PMU_NUM_CTRS, 8, 1),
            new Field("hash_algo", RealmParams.OFF_HASH_ALGO, 1, 1),
            new Field("rpv", RealmParams.OFF_RPV, 8, 8),
            new Field("vmid", RealmParams.OFF_VMID, 2, 1),
            new Field("rtt_base", RealmParams.OFF_RTT_BASE, 8, 1),
            new Field("rtt_level_start", RealmParams.OFF_RTT_LEVEL_START, 8, 1, true),
            new Field("rtt_num_start", RealmParams.OFF_RTT_NUM_START, 8, 1)));

    /** RmiRecParams (reference 9.2). */
    static final PageLayout REC_PARAMS = new PageLayout("rec_params", 4096, List.of(
            new Field("flags", RecParams.OFF_FLAGS, 8, 1),
            new Field("mpidr", RecParams.OFF_MPIDR, 8, 1),
            new Field("pc", RecParams.OFF_PC, 8, 1),
            new Field("gprs", RecParams.OFF_GPRS, 8, RecParams.GPRS),
            new Field("num_aux", RecParams.OFF_NUM_AUX, 8, 1),
            new Field("aux", RecParams.OFF_AUX, 8, RecParams.MAX_AUX)));

    /**
     * RmiRecRun's entry half (reference 9.3): the host writes only 0x000..0x7FF, so the
     * exit half the RMM filled last time stays readable.
     */
    static final PageLayout REC_RUN = new PageLayout("rec_run", RecRunEnter.SIZE, List.of(
            new Field("flags", RecRunEnter.OFF_FLAGS, 8, 1),
            new Field("gprs", RecRunEnter.OFF_GPRS, 8, RecRunEnter.NUM_GPRS),
            new Field("gicv3_hcr", RecRunEnter.OFF_GICV3_HCR, 8, 1),
            new Field("gicv3_lrs", RecRunEnter.OFF_GICV3_LRS, 8, RecRunEnter.NUM_LRS)));

    static final List<PageLayout> ALL = List.of(REALM_PARAMS, REC_PARAMS, REC_RUN);

    /** The bytes of the structure described by the object in f. */
    byte[] serialise(Fields f) throws ScriptException {
        byte[] page = new byte[size];
        for (Field field : fields) {
            JsonNode v = f.optional(field.name());
            if (v == null) continue;
            long[] words = field.count() == 1
                    ? new long[] {field.signed() ? f.s64(v, field.name()) : f.u64(v, field.name())}
                    : f.u64List(v, field.name(), field.count());
            for (int i = 0; i < words.length; i++) {
                if (field.width() < 8 && (words[i] >>> (8 * field.width())) != 0) {
                    throw f.error(field.name() + ": 0x" + Long.toHexString(words[i])
                            + " does not fit in " + field.width() + " byte"
                            + (field.width() > 1 ? "s" : ""));
                }
                put(page, field.offset() + i * field.width(), field.width(), words[i]);
            }
        }
        f.noOthers();
        return page;
    }

    private static void put(byte[] page, int off, int width, long v) {
        for (int i = 0; i < width; i++) page[off + i] = (byte) (v >>> (8 * i));
    }
}
