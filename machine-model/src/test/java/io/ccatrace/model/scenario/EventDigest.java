package io.ccatrace.model.scenario;

import io.ccatrace.model.event.ModelEvent;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over every field of every event (arrays by content), for determinism checks. */
final class EventDigest {
    private EventDigest() {
    }

    static String of(List<ModelEvent> events) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (ModelEvent e : events) {
                StringBuilder sb = new StringBuilder(e.kind().name());
                for (RecordComponent c : e.getClass().getRecordComponents()) {
                    Object v = c.getAccessor().invoke(e);
                    sb.append('|');
                    if (v instanceof long[]) sb.append(Arrays.toString((long[]) v));
                    else if (v instanceof byte[]) sb.append(Arrays.toString((byte[]) v));
                    else sb.append(v);
                }
                md.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (ReflectiveOperationException | java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
