package io.ccatrace.trace.arrow;

import io.ccatrace.trace.Column;

/**
 * Column ordinals (presence mask bits) and index bases of the columns in {@link RowBlock}'s
 * staging arrays, as constants for the row paths.
 */
final class Slots {
    static final int SEQ = Column.SEQ.ordinal();
    static final int TIME = Column.TIME.ordinal();
    static final int KIND = Column.KIND.ordinal();
    static final int INPUT = Column.INPUT.ordinal();
    /** Mask bits of the columns that are never null (seq, time, kind, input). */
    static final long ALWAYS = 1L << SEQ | 1L << TIME | 1L << KIND | 1L << INPUT;
    static final int CPU = Column.CPU.ordinal();
    static final int CAUSE_SEQ = Column.CAUSE_SEQ.ordinal();
    static final int CMD = Column.CMD.ordinal();
    static final int FID = Column.FID.ordinal();
    static final int ARGS = Column.ARGS.ordinal();
    static final int STATUS = Column.STATUS.ordinal();
    static final int INDEX = Column.INDEX.ordinal();
    static final int OUT = Column.OUT.ordinal();
    static final int REALM = Column.REALM.ordinal();
    static final int REC = Column.REC.ordinal();
    static final int IPA = Column.IPA.ordinal();
    static final int PA = Column.PA.ordinal();
    static final int LEVEL = Column.LEVEL.ordinal();
    static final int FROM = Column.FROM.ordinal();
    static final int TO = Column.TO.ordinal();
    static final int FROM_RIPAS = Column.FROM_RIPAS.ordinal();
    static final int TO_RIPAS = Column.TO_RIPAS.ordinal();
    static final int PAS = Column.PAS.ordinal();
    static final int RIPAS = Column.RIPAS.ordinal();
    static final int EXIT_REASON = Column.EXIT_REASON.ordinal();
    static final int ESR = Column.ESR.ordinal();
    static final int FAR = Column.FAR.ordinal();
    static final int HPFAR = Column.HPFAR.ordinal();
    static final int ACCESS = Column.ACCESS.ordinal();
    static final int HALF = Column.HALF.ordinal();
    static final int OUTCOME = Column.OUTCOME.ordinal();
    static final int VALUE = Column.VALUE.ordinal();
    static final int SIZE = Column.SIZE.ordinal();
    static final int PAYLOAD = Column.PAYLOAD.ordinal();
    static final int CHAIN = Column.CHAIN.ordinal();

    static final int L_SEQ = RowBlock.base(Column.SEQ);
    static final int L_TIME = RowBlock.base(Column.TIME);
    static final int L_CAUSE_SEQ = RowBlock.base(Column.CAUSE_SEQ);
    static final int L_FID = RowBlock.base(Column.FID);
    static final int L_REALM = RowBlock.base(Column.REALM);
    static final int L_REC = RowBlock.base(Column.REC);
    static final int L_IPA = RowBlock.base(Column.IPA);
    static final int L_PA = RowBlock.base(Column.PA);
    static final int L_ESR = RowBlock.base(Column.ESR);
    static final int L_FAR = RowBlock.base(Column.FAR);
    static final int L_HPFAR = RowBlock.base(Column.HPFAR);
    static final int L_VALUE = RowBlock.base(Column.VALUE);
    static final int I_CPU = RowBlock.base(Column.CPU);
    static final int I_INDEX = RowBlock.base(Column.INDEX);
    static final int I_LEVEL = RowBlock.base(Column.LEVEL);
    static final int I_SIZE = RowBlock.base(Column.SIZE);
    static final int I_ARGS = RowBlock.base(Column.ARGS);
    static final int I_OUT = RowBlock.base(Column.OUT);
    static final int I_PAYLOAD = RowBlock.base(Column.PAYLOAD);
    static final int I_CHAIN = RowBlock.base(Column.CHAIN);
    static final int S_KIND = RowBlock.base(Column.KIND);
    static final int S_CMD = RowBlock.base(Column.CMD);
    static final int S_STATUS = RowBlock.base(Column.STATUS);
    static final int S_FROM = RowBlock.base(Column.FROM);
    static final int S_TO = RowBlock.base(Column.TO);
    static final int S_FROM_RIPAS = RowBlock.base(Column.FROM_RIPAS);
    static final int S_TO_RIPAS = RowBlock.base(Column.TO_RIPAS);
    static final int S_PAS = RowBlock.base(Column.PAS);
    static final int S_RIPAS = RowBlock.base(Column.RIPAS);
    static final int S_EXIT_REASON = RowBlock.base(Column.EXIT_REASON);
    static final int S_ACCESS = RowBlock.base(Column.ACCESS);
    static final int S_HALF = RowBlock.base(Column.HALF);
    static final int S_OUTCOME = RowBlock.base(Column.OUTCOME);

    private Slots() {
    }
}
