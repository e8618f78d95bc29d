package io.ccatrace.analyzers.ripas;

/** Whether a RIPAS change is one the spec lets happen; certain=false when consent is unknown. */
public record RipasVerdict(boolean allowed, boolean certain, String reason) {
    static final RipasVerdict OK = new RipasVerdict(true, true, null);

    static RipasVerdict no(String reason) {
        return new RipasVerdict(false, true, reason);
    }
}
