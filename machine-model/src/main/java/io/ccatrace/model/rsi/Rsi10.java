package io.ccatrace.model.rsi;

import io.ccatrace.model.psci.AffinityInfo;
import io.ccatrace.model.psci.CpuOff;
import io.ccatrace.model.psci.CpuOn;
import io.ccatrace.model.psci.CpuSuspend;
import io.ccatrace.model.psci.Psci;
import io.ccatrace.model.psci.PsciFeatures;
import io.ccatrace.model.psci.PsciVersion;
import io.ccatrace.model.psci.SmcccVersion;
import io.ccatrace.model.psci.SystemOff;

/**
 * The SMCs a realm can make under RMM 1.0-rel0: the RSI commands (reference 6.1; argument
 * and result register counts from that table) and the PSCI/SMCCC functions of 6.3. SMC64
 * PSCI functions carry the plain PSCI name; their SMC32 twins end in _SMC32.
 */
public final class Rsi10 {
    public static final long BASE = 0xC4000190L;

    private Rsi10() {
    }

    public static RealmCallTable table() {
        ResultNames rsi = ResultNames.RSI, psci = ResultNames.PSCI;
        return new RealmCallTable()
                .add(0xC4000190L, "RSI_VERSION", 1, 2, rsi, new Version())
                .add(0xC4000191L, "RSI_FEATURES", 1, 1, rsi, new Features())
                .add(0xC4000192L, "RSI_MEASUREMENT_READ", 1, 8, rsi, new MeasurementRead())
                .add(0xC4000193L, "RSI_MEASUREMENT_EXTEND", 10, 0, rsi, new MeasurementExtend())
                .add(0xC4000194L, "RSI_ATTESTATION_TOKEN_INIT", 8, 1, rsi, new AttestationTokenInit())
                .add(0xC4000195L, "RSI_ATTESTATION_TOKEN_CONTINUE", 3, 1, rsi,
                        new AttestationTokenContinue())
                .add(0xC4000196L, "RSI_REALM_CONFIG", 1, 0, rsi, new RealmConfig())
                .add(0xC4000197L, "RSI_IPA_STATE_SET", 4, 2, rsi, new IpaStateSet())
                .add(0xC4000198L, "RSI_IPA_STATE_GET", 2, 2, rsi, new IpaStateGet())
                .add(0xC4000199L, "RSI_HOST_CALL", 1, 0, rsi, new HostCall())
                .add(Psci.SMCCC_VERSION, "SMCCC_VERSION", 0, 0, ResultNames.VERSION, new SmcccVersion())
                .add(Psci.PSCI_VERSION, "PSCI_VERSION", 0, 0, ResultNames.VERSION, new PsciVersion())
                .add(Psci.CPU_SUSPEND_64, "PSCI_CPU_SUSPEND", 3, 0, psci, new CpuSuspend(Psci.CPU_SUSPEND_64))
                .add(Psci.CPU_SUSPEND_32, "PSCI_CPU_SUSPEND_SMC32", 3, 0, psci,
                        new CpuSuspend(Psci.CPU_SUSPEND_32))
                .add(Psci.CPU_OFF, "PSCI_CPU_OFF", 0, 0, psci, new CpuOff())
                .add(Psci.CPU_ON_64, "PSCI_CPU_ON", 3, 0, psci, new CpuOn(Psci.CPU_ON_64))
                .add(Psci.CPU_ON_32, "PSCI_CPU_ON_SMC32", 3, 0, psci, new CpuOn(Psci.CPU_ON_32))
                .add(Psci.AFFINITY_INFO_64, "PSCI_AFFINITY_INFO", 2, 0, ResultNames.AFFINITY,
                        new AffinityInfo(Psci.AFFINITY_INFO_64))
                .add(Psci.AFFINITY_INFO_32, "PSCI_AFFINITY_INFO_SMC32", 2, 0, ResultNames.AFFINITY,
                        new AffinityInfo(Psci.AFFINITY_INFO_32))
                .add(Psci.SYSTEM_OFF, "PSCI_SYSTEM_OFF", 0, 0, psci, new SystemOff(Psci.SYSTEM_OFF))
                .add(Psci.SYSTEM_RESET, "PSCI_SYSTEM_RESET", 0, 0, psci,
                        new SystemOff(Psci.SYSTEM_RESET))
                .add(Psci.PSCI_FEATURES, "PSCI_FEATURES", 1, 0, psci, new PsciFeatures());
    }
}
