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

    Unit pick(SplittableRandom rng) {
        int[] w = {touch, uart, virtio, hostCall, measure, ipaGet, idle, dmaChurn};
        int total = 0;
        for (int x : w) total += x;
        int r = rng.nextInt(total);
        for (int i = 0; i < w.length; i++) {
            if (r < w[i]) return Unit.values()[i];
            r -= w[i];
        }
        throw new IllegalStateException("unreachable");
    }
}
