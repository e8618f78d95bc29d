package io.ccatrace.analyzers.finding;

/**
 * VIOLATION: the trace shows the RMM (or the machine) breaking a security rule of the
 * specification. WARNING: the host or the realm misbehaved and the RMM correctly refused,
 * or the trace contradicts itself in a way that is not a security break.
 */
public enum Severity {
    VIOLATION, WARNING
}
