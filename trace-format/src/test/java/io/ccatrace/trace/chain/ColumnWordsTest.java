package io.ccatrace.trace.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventKind;
import io.ccatrace.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A row given column by column to {@link ColumnWords} hashes as the format's definition
 * ({@link EventHash#generic}, driven by the schema) hashes the same row: columns in schema
 * order (the words as they came), shuffled, or with a scalar column given twice (the last
 * value counts, as in the sink's cells); random rows with nulls anywhere, lists of 0-70
 * elements and payloads of 0-80 bytes (and a few long ones).
 */
class ColumnWordsTest {
    private static final Column[] COLUMNS = Column.values();

    @Property(tries = 3000)
    void schemaOrderShuffledAndRepeatedHashAsDefined(@ForAll long seed) {
        Random random = new Random(seed);
        TraceEvent e = row(random);
        long expected = EventHash.generic(e);
        ColumnWords words = new ColumnWords();
        List<Column> order = present(e);
        assertEquals(expected, give(words, e, order, random, false), "schema order: " + e);
        Collections.shuffle(order, random);
        assertEquals(expected, give(words, e, order, random, false), "shuffled " + order + ": " + e);
        assertEquals(expected, give(words, e, present(e), random, true), "a column twice: " + e);
    }

    /** Gives the row's columns in the given order; with twice, one scalar column first gets another value. */
    private static long give(ColumnWords w, TraceEvent e, List<Column> order, Random random, boolean twice) {
        w.start(e.seq(), e.time(), e.kind().ordinal());
        long present = 7;
        int again = twice ? random.nextInt(order.size() + 1) : -1;
        for (int i = 0; i < order.size(); i++) {
            Column c = order.get(i);
            int o = c.ordinal();
            present |= 1L << o;
            switch (c.type()) {
                case LONG, INT -> {
                    if (i == again) w.word(o, random.nextLong());
                    w.word(o, c.getLong(e));
                }
                case NAME -> {
                    if (i == again) w.word(o, "other".hashCode());
                    w.word(o, c.getName(e).hashCode());
                }
                case LONGS -> w.list(o, c.getLongs(e));
                default -> w.payload(e.payload());
            }
        }
        return w.hash(present, e.args(), e.out(), e.payload());
    }

    /** The row's non-null hashed columns after seq, time and kind, in schema order. */
    private static List<Column> present(TraceEvent e) {
        List<Column> out = new ArrayList<>();
        for (Column c : COLUMNS) {
            if (c.ordinal() <= Column.INPUT.ordinal() || c == Column.CHAIN) continue;
            boolean isNull = switch (c.type()) {
                case LONG, INT -> c.getLong(e) == TraceEvent.NULL;
                case NAME -> c.getName(e) == null;
                case LONGS -> c.getLongs(e) == null;
                default -> e.payload() == null;
            };
            if (!isNull) out.add(c);
        }
        return out;
    }

    private static TraceEvent row(Random r) {
        EventKind[] kinds = EventKind.values();
        TraceEvent.Builder b = TraceEvent.builder(r.nextLong() & Long.MAX_VALUE, kinds[r.nextInt(kinds.length)])
                .time(r.nextLong() & Long.MAX_VALUE);
        double nulls = r.nextDouble();
        for (Column c : COLUMNS) {
            if (c.ordinal() <= Column.INPUT.ordinal() || c == Column.CHAIN || r.nextDouble() < nulls) continue;
            switch (c.type()) {
                case LONG -> c.setLong(b, r.nextBoolean() ? r.nextLong() : r.nextInt(5));
                case INT -> c.setLong(b, r.nextBoolean() ? r.nextInt() : r.nextInt(5));
                case NAME -> c.setName(b, r.nextInt(4) == 0 ? "" : "N" + r.nextInt(1000));
                case LONGS -> {
                    long[] v = new long[r.nextInt(71)];
                    for (int i = 0; i < v.length; i++) v[i] = r.nextLong();
                    c.setLongs(b, v);
                }
                default -> {
                    byte[] p = new byte[r.nextInt(10) == 0 ? r.nextInt(5000) : r.nextInt(81)];
                    r.nextBytes(p);
                    b.payload(p);
                }
            }
        }
        return b.build();
    }
}
