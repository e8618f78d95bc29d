package io.ccatrace.model.rmi;

/**
 * Behaviour switches that distinguish RMM models: real revision differences and seeded
 * bugs. The 1.0 (rel0) model has none set. Each is documented in docs/models.md.
 */
public enum Quirk {
}
