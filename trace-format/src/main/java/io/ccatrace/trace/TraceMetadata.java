package io.ccatrace.trace;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-trace constants kept in file metadata (never repeated in every row). Keys are the
 * documented names in docs/trace-format.md; values are strings. Sorted, so the same
 * metadata always serialises the same way (determinism).
 */
public final class TraceMetadata {
    public static final String FORMAT_VERSION = "ccatrace.format_version";
    public static final String MIN_READER_VERSION = "ccatrace.min_reader_version";
    public static final String RMM_MODEL = "ccatrace.rmm_model";
    public static final String MACHINE = "ccatrace.machine";
    public static final String SCENARIO = "ccatrace.scenario";
    public static final String SCRIPT = "ccatrace.script";
    public static final String SCRIPT_SHA256 = "ccatrace.script_sha256";
    /** The text of the action script `ccatrace run` ran (so `diff --against` can run it again). */
    public static final String SCRIPT_SOURCE = "ccatrace.script_source";
    public static final String SEED = "ccatrace.seed";
    public static final String SIMULATOR_VERSION = "ccatrace.simulator_version";
    public static final String TRACE_ID = "ccatrace.trace_id";
    public static final String EVENT_COUNT = "ccatrace.event_count";
    public static final String COMPLETE = "ccatrace.complete";
    public static final String DIGEST = "ccatrace.digest";
    public static final String ORIGIN = "ccatrace.origin";
    /** For imported traces: the file name the events were imported from. */
    public static final String IMPORTED_FROM = "ccatrace.imported_from";

    private final TreeMap<String, String> values;

    public TraceMetadata(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    public static TraceMetadata empty() {
        return new TraceMetadata(Map.of());
    }

    public String get(String key) {
        return values.get(key);
    }

    public TraceMetadata with(String key, String value) {
        TreeMap<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new TraceMetadata(m);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceMetadata && ((TraceMetadata) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
