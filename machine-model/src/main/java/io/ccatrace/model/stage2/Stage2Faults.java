package io.ccatrace.model.stage2;

import io.ccatrace.model.event.EventBus;
import io.ccatrace.model.event.ModelEvent;

/** Emits STAGE2_FAULT events (outcome EXIT_TO_HOST, SEA_INJECTED or NO_PROGRESS). */
public final class Stage2Faults {
    public static final String EXIT_TO_HOST = "EXIT_TO_HOST", SEA_INJECTED = "SEA_INJECTED",
            NO_PROGRESS = "NO_PROGRESS";

    private Stage2Faults() {
    }

    public static void emit(EventBus bus, long rd, long rec, long ipa, Access access,
                            Stage2.Translation t, String outcome) {
        bus.emit(new ModelEvent.Stage2Fault(bus.seq(), bus.now(), bus.cause(), rd, rec, ipa,
                access.name(), t.half(), t.ripas() == null ? null : t.ripas().name(),
                t.hipas() == null ? null : t.hipas().name(), outcome));
    }

    /** The outcome name for a translation that did not reach memory. */
    public static String outcomeOf(Stage2.Translation t) {
        switch (t.outcome()) {
            case SEA:
                return SEA_INJECTED;
            case NO_PROGRESS:
                return NO_PROGRESS;
            default:
                return EXIT_TO_HOST;
        }
    }
}
