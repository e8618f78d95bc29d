package io.ccatrace.model.host;

import io.ccatrace.model.host.HostPolicy.Misbehaviour;

/**
 * The one-shot misbehaviours of a buggy or malicious host that strike between two exits of
 * a running realm (docs/scenarios.md, "Injections"): each is a call the specification
 * requires the RMM to refuse, so on a correct RMM nothing changes for the realm, and on an
 * RMM with the matching bug the realm is harmed.
 */
final class HostMischief {
    /** A page past the virtio-mmio registers: the device's shared-memory window. */
    static final long DEVICE_WINDOW = RealmLayout.VIRTIO + 0x1000;
    private static final int RIPAS_EMPTY = 0;

    private final HostRealm realm;
    private boolean mappedProtected;
    private boolean setRipas;
    private boolean hotplugged;

    HostMischief(HostRealm realm) {
        this.realm = realm;
    }

    /** Called on every exit of v, before the exit is handled. */
    void betweenExits(Vcpu v, RecExitView x) {
        HostPolicy p = realm.policy();
        if (x.reason() == RecExitView.RIPAS_CHANGE) {
            v.lastRipasToEmpty = x.ripasValue() == RIPAS_EMPTY;
            return;
        }
        // armed() last: a correct host never asks, so its compiled exit path has no branch
        // that flips when the run passes 80% of its target (a deoptimization and recompile)
        if (p.has(Misbehaviour.MAP_NS_PROTECTED) && !mappedProtected && p.armed()) {
            mappedProtected = true;
            mapNsProtected();
        }
        if (p.has(Misbehaviour.UNREQUESTED_RIPAS) && !setRipas && v.lastRipasToEmpty && p.armed()) {
            setRipas = true;
            unrequestedRipas(v);
        }
        if (p.has(Misbehaviour.REC_AFTER_ACTIVATE) && !hotplugged && p.armed()) {
            hotplugged = true;
            hotplugRec(v);
        }
    }

    /**
     * RTT_MAP_UNPROTECTED of a host NS page at the device window's IPA without the unprotected
     * bit (reference 4.17 ipa_bound: RMI_ERROR_INPUT). With the tables the walk asks for.
     */
    private void mapNsProtected() {
        long ns = realm.hostPage();
        realm.stage2().withTables(DEVICE_WINDOW, 3, () -> realm.rmi().rttMapUnprotected(realm.rd(),
                DEVICE_WINDOW, 3, ns | HostStage2.NS_DESC_ATTRS));
    }

    /**
     * The realm's last RIPAS change (to EMPTY) is complete and this exit is not a new one, so
     * no request is pending: RTT_SET_RIPAS over a RAM page the host never backed (reference
     * 4.21 base_bound: RMI_ERROR_INPUT). A host trying to take memory from the realm.
     */
    private void unrequestedRipas(Vcpu v) {
        RealmLayout l = realm.layout();
        HostStage2 s2 = realm.stage2();
        long page = l.heapBase();
        while (page < l.heapTop() && s2.hasData(page)) page += 4096;
        if (page >= l.heapTop()) return;
        long base = page;
        s2.withTables(base, 3, () -> realm.rmi().rttSetRipas(realm.rd(), v.rec, base, base + 4096));
    }

    /**
     * REC_CREATE of one more vCPU (not runnable, the next MPIDR) in the ACTIVE realm
     * (reference 4.9 realm_state: RMI_ERROR_REALM). If the RMM accepts it, teardown destroys it.
     */
    private void hotplugRec(Vcpu v) {
        Delegations d = realm.delegations();
        int index = realm.vcpus().size() + realm.extraRecs().size();
        long rec = d.delegateNew();
        long[] aux = new long[v.aux.length];
        for (int i = 0; i < aux.length; i++) aux[i] = d.delegateNew();
        RecParamsImage p = new RecParamsImage(false, RecParamsImage.mpidr(index), realm.layout().kernel(),
                new long[0], aux);
        long params = realm.hostPage();
        realm.rmi().write(params, p.bytes());
        if (realm.rmi().recCreate(realm.rd(), rec, params).ok()) {
            long[] recAndAux = new long[aux.length + 1];
            recAndAux[0] = rec;
            System.arraycopy(aux, 0, recAndAux, 1, aux.length);
            realm.extraRecs().add(recAndAux);
            return;
        }
        d.undelegate(rec);
        for (long a : aux) d.undelegate(a);
    }
}
