package io.ccatrace.model.guestos;

import java.util.SplittableRandom;

/**
 * Relative weights of the realm's steady-phase work units (scenario-specific): memory
 * touches, console output, virtio requests, host calls, REM extensions, RIPAS queries,
 * idling, and DMA buffer churn (share a buffer, use it, take it back).
 */
public record WorkMix(int touch, int uart, int virtio, int hostCall, int measure, int ipaGet,
                      int idle, int dmaChurn) {
    /** Work unit kinds. */
    public enum Unit { TOUCH, UART, VIRTIO, HOST_CALL, MEASURE, IPA_GET, IDLE, DMA_CHURN }

    public static WorkMix linuxIdle() {
        return new WorkMix(30, 10, 15, 5, 3, 3, 20, 4);
    }

    public static WorkMix ioStorm() {
        return new WorkMix(5, 2, 45, 2, 0, 2, 4, 40);
    }

    public static WorkMix memoryHeavy() {
        return new WorkMix(70, 5, 5, 5, 0, 0, 15, 0);
    }

    private static final Unit[] UNITS = Unit.values();

    Unit pick(SplittableRandom rng) {
        int r = rng.nextInt(touch + uart + virtio + hostCall + measure + ipaGet + idle + dmaChurn);
        for (Unit u : UNITS) {
            int w = weight(u);
            if (r < w) return u;
            r -= w;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The weight of a unit kind. */
    int weight(Unit u) {
        switch (u) {
            case TOUCH: return touch;
            case UART: return uart;
            case VIRTIO: return virtio;
            case HOST_CALL: return hostCall;
            case MEASURE: return measure;
            case IPA_GET: return ipaGet;
            case IDLE: return idle;
            default: return dmaChurn;
        }
    }
}
