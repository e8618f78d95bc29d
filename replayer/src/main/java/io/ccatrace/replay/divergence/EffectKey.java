package io.ccatrace.replay.divergence;

import io.ccatrace.trace.EventView;
import java.util.Objects;

/**
 * What an effect is about (its kind and the object it touches), used to pair recorded and
 * replayed effects before their values are compared: two PAS_CHANGEs of the same granule
 * pair up even when their `to` differs; a PAS_CHANGE of another granule is missing/extra.
 */
final class EffectKey {
    private EffectKey() {
    }

    static boolean sameSubject(EventView a, EventView b) {
        if (a.kind() != b.kind()) return false;
        switch (a.kind()) {
            case RSI_CALL:
                return a.rec() == b.rec() && a.fid() == b.fid();
            case REC_EXIT:
            case REC_STATE:
                return a.rec() == b.rec();
            case STAGE2_FAULT:
                return a.rec() == b.rec() && a.ipa() == b.ipa() && Objects.equals(a.access(), b.access());
            case GPF:
                return a.pa() == b.pa() && Objects.equals(a.access(), b.access());
            case PAS_CHANGE:
            case GRANULE_STATE:
                return a.pa() == b.pa();
            case RTT_ENTRY:
                return a.realm() == b.realm() && a.ipa() == b.ipa() && a.level() == b.level();
            case MEASUREMENT:
                return a.realm() == b.realm() && a.index() == b.index();
            case REALM_STATE:
                return a.realm() == b.realm();
            default:
                return a.seq() - a.causeSeq() == b.seq() - b.causeSeq();
        }
    }
}
