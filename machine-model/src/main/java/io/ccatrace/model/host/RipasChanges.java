package io.ccatrace.model.host;

import io.ccatrace.model.host.HostPolicy.Misbehaviour;

/**
 * The host's answer to a RIPAS_CHANGE exit (reference 4.21, 8.4, 13.1): before making pages
 * EMPTY it reclaims the DATA granules behind them; before making them RAM it drops the
 * shared aliases; then RTT_SET_RIPAS from the returned address until the whole range is done
 * (creating an RTT when an entry is a block bigger than what is left), or it rejects.
 */
final class RipasChanges {
    private static final int RAM = 1;
    private final HostRealm realm;

    RipasChanges(HostRealm realm) {
        this.realm = realm;
    }

    void handle(Vcpu v, RecExitView x) {
        HostStage2 s2 = realm.stage2();
        RealmLayout layout = realm.layout();
        long base = x.ripasBase();
        long top = x.ripasTop();
        boolean toRam = x.ripasValue() == RAM;
        if (toRam && realm.policy().has(Misbehaviour.REJECT_RIPAS)
                && !s2.sharedIn(layout.alias(base), layout.alias(top)).isEmpty()) {
            v.entryFlags |= RecRun.RIPAS_RESPONSE_REJECT;
            return;
        }
        if (toRam) {
            for (long alias : s2.sharedIn(layout.alias(base), layout.alias(top))) s2.unmapShared(alias);
        } else {
            for (long ipa : s2.dataIn(base, top)) s2.destroyData(ipa);
        }
        long limit = realm.policy().has(Misbehaviour.PARTIAL_RIPAS) ? base + 4096 : top;
        long addr = base;
        for (int i = 0; i < 64 && Long.compareUnsigned(addr, limit) < 0; i++) {
            RmiReturn r = realm.rmi().rttSetRipas(realm.rd(), v.rec, addr, limit);
            if (r.ok()) {
                addr = r.out(0);
            } else if (!r.rttError() || r.index() >= 3 || !s2.createTable(addr, r.index() + 1)) {
                return; // no progress possible: the realm sees how far the change got
            }
        }
    }
}
