package io.ccatrace.model.attestation;

import io.ccatrace.model.realm.Realm;
import java.util.Arrays;

/**
 * The CCA Realm token (reference 10.4) as a tagged COSE_Sign1 (RFC 9052) signed with ES384 by
 * the Realm Attestation Key. Claims (CCA token draft keys, map keys in ascending order):
 * 10 challenge, 265 profile, 44235 personalization value, 44236 hash algorithm id, 44237 RAK
 * public key (COSE_Key), 44238 RIM, 44239 REMs[4], 44240 RAK hash algorithm id.
 *
 * <p>Only the realm part is produced: the platform token comes from EL3, which the model does
 * not simulate (docs/model-decisions.md).
 */
public final class RealmToken {
    public static final int TAG_COSE_SIGN1 = 18;
    public static final int CHALLENGE = 10, PROFILE = 265, RPV = 44235, HASH_ALGO_ID = 44236,
            PUBLIC_KEY = 44237, RIM = 44238, REMS = 44239, PUBLIC_KEY_HASH_ALGO_ID = 44240;
    public static final String PROFILE_NAME = "tag:arm.com,2023:realm#1.0.0";

    private RealmToken() {
    }

    public static byte[] build(Realm realm, byte[] challenge, AttestationKey key) {
        byte[] payload = claims(realm, challenge, key);
        byte[] protectedHeader = new Cbor().map(1).integer(1).integer(AttestationKey.COSE_ALG_ES384)
                .toBytes();
        byte[] toBeSigned = new Cbor().array(4).text("Signature1").bytes(protectedHeader)
                .bytes(new byte[0]).bytes(payload).toBytes();
        byte[] sig = key.sign(toBeSigned);
        return new Cbor().tag(TAG_COSE_SIGN1).array(4).bytes(protectedHeader).map(0)
                .bytes(payload).bytes(sig).toBytes();
    }

    static byte[] claims(Realm realm, byte[] challenge, AttestationKey key) {
        int n = realm.hashLength();
        String algo = realm.params().hashAlgo() == 1 ? "sha-512" : "sha-256";
        Cbor c = new Cbor().map(8)
                .uint(CHALLENGE).bytes(challenge)
                .uint(PROFILE).text(PROFILE_NAME)
                .uint(RPV).bytes(realm.params().rpv())
                .uint(HASH_ALGO_ID).text(algo)
                .uint(PUBLIC_KEY).bytes(key.coseKey())
                .uint(RIM).bytes(Arrays.copyOf(realm.measurement(0), n))
                .uint(REMS).array(4);
        for (int i = 1; i <= 4; i++) c.bytes(Arrays.copyOf(realm.measurement(i), n));
        return c.uint(PUBLIC_KEY_HASH_ALGO_ID).text("sha-256").toBytes();
    }
}
