package io.ccatrace.model.realm;

/** Realm lifecycle (reference 7.2). */
public enum RealmState {
    NEW, ACTIVE, SYSTEM_OFF
}
