package io.ccatrace.model.event;

/** Receives every model event, in seq order. The model never knows who listens. */
@FunctionalInterface
public interface EventListener {
    void onEvent(ModelEvent event);
}
