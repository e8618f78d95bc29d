package io.ccatrace.model.rsi;

import io.ccatrace.model.realm.Realm;
import io.ccatrace.model.rec.Rec;
import io.ccatrace.model.rmi.Rmm;

/** What a realm SMC handler acts on: the RMM, the calling REC and its realm, the PE. */
public record RealmContext(Rmm rmm, Realm realm, Rec rec, int cpu) {
}
