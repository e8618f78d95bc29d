package io.ccatrace.model.gpt;

/** Physical address spaces of RME. */
public enum Pas {
    NS, SECURE, REALM, ROOT
}
