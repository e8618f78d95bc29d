package io.ccatrace.trace.arrow;

import io.ccatrace.trace.ColumnSink;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Gives a row to a {@link ColumnSink} the way a mapping may: start first, then its columns
 * in a shuffled order (the direct path must not depend on it), and each null column either
 * left out or given as null (the same thing, by ColumnSink's contract).
 */
final class GivenColumns {
    private final List<Consumer<ColumnSink>> columns = new ArrayList<>();
    private final Random random;

    private GivenColumns(Random random) {
        this.random = random;
    }

    static void give(TraceEvent e, ColumnSink s, Random random) {
        GivenColumns g = new GivenColumns(random);
        g.add(e.causeSeq() == TraceEvent.NULL, c -> c.causeSeq(e.causeSeq()));
        g.add(e.cpu() == TraceEvent.NULL_INT, c -> c.cpu(e.cpu()));
        g.add(e.cmd() == null, c -> c.cmd(e.cmd()));
        g.add(e.fid() == TraceEvent.NULL, c -> c.fid(e.fid()));
        g.add(e.args() == null, c -> c.args(e.args()));
        g.add(e.status() == null, c -> c.status(e.status()));
        g.add(e.index() == TraceEvent.NULL_INT, c -> c.index(e.index()));
        g.add(e.out() == null, c -> c.out(e.out()));
        g.add(e.realm() == TraceEvent.NULL, c -> c.realm(e.realm()));
        g.add(e.rec() == TraceEvent.NULL, c -> c.rec(e.rec()));
        g.add(e.ipa() == TraceEvent.NULL, c -> c.ipa(e.ipa()));
        g.add(e.pa() == TraceEvent.NULL, c -> c.pa(e.pa()));
        g.add(e.level() == TraceEvent.NULL_INT, c -> c.level(e.level()));
        g.add(e.from() == null, c -> c.from(e.from()));
        g.add(e.to() == null, c -> c.to(e.to()));
        g.add(e.fromRipas() == null, c -> c.fromRipas(e.fromRipas()));
        g.add(e.toRipas() == null, c -> c.toRipas(e.toRipas()));
        g.add(e.pas() == null, c -> c.pas(e.pas()));
        g.add(e.ripas() == null, c -> c.ripas(e.ripas()));
        g.add(e.exitReason() == null, c -> c.exitReason(e.exitReason()));
        g.add(e.esr() == TraceEvent.NULL, c -> c.esr(e.esr()));
        g.add(e.far() == TraceEvent.NULL, c -> c.far(e.far()));
        g.add(e.hpfar() == TraceEvent.NULL, c -> c.hpfar(e.hpfar()));
        g.add(e.access() == null, c -> c.access(e.access()));
        g.add(e.half() == null, c -> c.half(e.half()));
        g.add(e.outcome() == null, c -> c.outcome(e.outcome()));
        g.add(e.value() == TraceEvent.NULL, c -> c.value(e.value()));
        g.add(e.size() == TraceEvent.NULL_INT, c -> c.size(e.size()));
        g.add(e.payload() == null, c -> c.payload(e.payload()));
        Collections.shuffle(g.columns, random);
        s.start(e.seq(), e.kind(), e.time());
        for (Consumer<ColumnSink> c : g.columns) c.accept(s);
    }

    private void add(boolean isNull, Consumer<ColumnSink> column) {
        if (!isNull || random.nextBoolean()) columns.add(column);
    }
}
