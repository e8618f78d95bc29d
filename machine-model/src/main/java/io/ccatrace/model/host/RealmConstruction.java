package io.ccatrace.model.host;

import io.ccatrace.model.host.HostPolicy.Misbehaviour;
import java.util.ArrayDeque;

/**
 * Builds a realm the way the Linux CCA host does (reference 4.5-4.11, 4.20): delegate the RD
 * and the starting RTTs, REALM_CREATE with real RealmParams, RTT_INIT_RIPAS over RAM
 * (creating RTTs where the walk requires), DATA_CREATE of the measured kernel, initrd and
 * DTB pages, REC_CREATE per vCPU with its auxiliary granules, REALM_ACTIVATE. Each planned
 * step is one host operation; a failure stops the realm (and plans its teardown).
 */
final class RealmConstruction {
    /** RTT level of the starting tables and how many are concatenated for s2sz 40 (reference 11.3). */
    static final int START_LEVEL = 1;
    static final int NUM_START = 2;
    static final int HASH_SHA256 = 0;

    private final HostRealm realm;
    private long stagingPage;
    private int auxCount;

    RealmConstruction(HostRealm realm) {
        this.realm = realm;
    }

    void plan(ArrayDeque<Runnable> plan) {
        RealmLayout l = realm.layout();
        plan.add(this::createRealm);
        plan.add(this::initRipas);
        for (int i = 0; i < RealmLayout.KERNEL_PAGES; i++) addImagePage(plan, l.kernel() + 4096L * i);
        for (int i = 0; i < RealmLayout.INITRD_PAGES; i++) addImagePage(plan, l.initrd() + 4096L * i);
        addImagePage(plan, l.dtb());
        for (int v = 0; v < realm.spec().vcpus(); v++) {
            int index = v;
            plan.add(() -> createRec(index));
        }
        plan.add(this::activate);
    }

    private void addImagePage(ArrayDeque<Runnable> plan, long ipa) {
        plan.add(() -> loadImagePage(ipa));
    }

    private void createRealm() {
        HostRmi rmi = realm.rmi();
        Delegations d = realm.delegations();
        long rd = d.delegateNew();
        long rttBase = realm.pool().allocContiguous(NUM_START);
        boolean ok = rd >= 0;
        for (int i = 0; i < NUM_START; i++) ok &= d.delegate(rttBase + 4096L * i);
        long params = realm.hostPage();
        stagingPage = realm.hostPage();
        RealmParamsImage p = new RealmParamsImage(0, realm.layout().s2sz(), 2, 2, HASH_SHA256,
                realm.spec().rpv(), realm.spec().vmid(), rttBase, START_LEVEL, NUM_START);
        rmi.write(params, p.bytes());
        if (!ok || !rmi.realmCreate(rd, params).ok()) {
            if (rd >= 0) d.undelegate(rd);
            for (int i = 0; i < NUM_START; i++) d.undelegate(rttBase + 4096L * i);
            realm.stop("RMI_REALM_CREATE failed");
            return;
        }
        realm.created(rd, START_LEVEL);
        realm.startingTables(rttBase, NUM_START);
        auxCount = (int) Math.min(16, realm.rmi().recAuxCount(rd).out(0));
    }

    private void initRipas() {
        RealmLayout l = realm.layout();
        long base = l.ramBase();
        for (int i = 0; i < 64 && base < l.ramTop(); i++) {
            RmiReturn r = realm.rmi().rttInitRipas(realm.rd(), base, l.ramTop());
            if (r.ok()) {
                base = r.out(0);
            } else if (!r.rttError() || r.index() >= 3 || !realm.stage2().createTable(base, r.index() + 1)) {
                realm.stop("RMI_RTT_INIT_RIPAS failed at 0x" + Long.toHexString(base));
                return;
            }
        }
    }

    private void loadImagePage(long ipa) {
        // Seeded content, distinct per page but repetitive (real images compress too).
        byte[] line = new byte[64];
        realm.rng().nextBytes(line);
        byte[] content = new byte[4096];
        for (int off = 0; off < content.length; off += line.length) {
            System.arraycopy(line, 0, content, off, line.length);
        }
        if (ipa == realm.layout().kernel()) {
            // arm64 Image header: magic "ARM\x64" at 0x38
            content[0x38] = 'A';
            content[0x39] = 'R';
            content[0x3A] = 'M';
            content[0x3B] = 0x64;
        }
        realm.rmi().write(stagingPage, content);
        if (!realm.stage2().createData(ipa, stagingPage, true).ok()) {
            realm.stop("RMI_DATA_CREATE failed at 0x" + Long.toHexString(ipa));
        }
    }

    private void createRec(int index) {
        Delegations d = realm.delegations();
        long rec = d.delegateNew();
        long[] aux = new long[auxCount];
        for (int i = 0; i < auxCount; i++) aux[i] = d.delegateNew();
        long params = realm.hostPage();
        boolean created = false;
        if (index == realm.spec().vcpus() - 1 && realm.policy().has(Misbehaviour.WRONG_MPIDR)) {
            // WRONG_MPIDR: affinity numbered from 1 (reference 4.9 mpidr_index); then the right one
            created = recCreate(rec, aux, index, index + 1, params);
        }
        if (!created && !recCreate(rec, aux, index, index, params)) {
            d.undelegate(rec);
            for (long a : aux) d.undelegate(a);
            realm.stop("RMI_REC_CREATE failed for vCPU " + index);
            return;
        }
        realm.addVcpu(index, rec, aux, realm.hostPage(), index == 0);
    }

    /** REC_CREATE of vCPU index with the MPIDR of REC index mpidrIndex. */
    private boolean recCreate(long rec, long[] aux, int index, int mpidrIndex, long params) {
        RealmLayout l = realm.layout();
        // Linux arm64 boot protocol: x0 = DTB address, PC = kernel entry.
        RecParamsImage p = new RecParamsImage(index == 0, RecParamsImage.mpidr(mpidrIndex), l.kernel(),
                new long[] {index == 0 ? l.dtb() : 0}, aux);
        realm.rmi().write(params, p.bytes());
        return realm.rmi().recCreate(realm.rd(), rec, params).ok();
    }

    private void activate() {
        if (realm.rmi().realmActivate(realm.rd()).ok()) {
            realm.activated();
        } else {
            realm.stop("RMI_REALM_ACTIVATE failed");
        }
    }
}
