package io.ccatrace.model.host;

/**
 * The realm software's side of a vCPU, as the host sees it: told which REC runs vCPU i,
 * and given the chance to queue its next steps (Machine.queueStep) before each REC entry.
 */
public interface GuestHook {
    void bind(int vcpu, long rec);

    void beforeEnter(int vcpu);

    /** No realm software: RECs idle until an interrupt. */
    GuestHook NONE = new GuestHook() {
        public void bind(int vcpu, long rec) {
        }

        public void beforeEnter(int vcpu) {
        }
    };
}
