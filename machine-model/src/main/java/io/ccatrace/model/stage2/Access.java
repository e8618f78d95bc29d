package io.ccatrace.model.stage2;

/** Kind of realm memory access (STAGE2_FAULT access names). */
public enum Access {
    READ, WRITE, EXEC
}
