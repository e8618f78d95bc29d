package io.ccatrace.replay.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The binary form of a {@link ShadowState} kept in checkpoint files (docs/replay.md,
 * "Checkpoints"). Maps are written in ascending key order, so the same state always gives
 * the same bytes. Names are written as UTF with a presence flag; the caller compresses.
 */
public final class ShadowCodec {
    /** Bumped whenever the layout below changes (checkpoint files carry it). */
    public static final int VERSION = 2;

    private interface ValueWriter<V> {
        void write(DataOutput out, V v) throws IOException;
    }

    private interface ValueReader<V> {
        V read(DataInput in) throws IOException;
    }

    private ShadowCodec() {
    }

    public static void write(ShadowState s, DataOutput out) throws IOException {
        out.writeLong(s.lastSeq);
        map(out, s.granules, (o, g) -> {
            name(o, g.state());
            o.writeLong(g.owner());
            o.writeLong(g.seq());
        });
        map(out, s.pas, (o, p) -> {
            name(o, p.pas());
            o.writeLong(p.seq());
        });
        map(out, s.recs, (o, r) -> {
            o.writeLong(r.realm());
            name(o, r.state());
            o.writeLong(r.seq());
            o.writeLong(r.created());
        });
        map(out, s.paramsPages, ShadowCodec::geometry);
        map(out, s.created, ShadowCodec::geometry);
        map(out, s.realms, ShadowCodec::realm);
    }

    public static ShadowState read(DataInput in) throws IOException {
        ShadowState s = new ShadowState();
        s.lastSeq = in.readLong();
        readMap(in, s.granules, i -> new ShadowState.Granule(name(i), i.readLong(), i.readLong()));
        readMap(in, s.pas, i -> new ShadowState.Pas(name(i), i.readLong()));
        readMap(in, s.recs, i -> new ShadowState.Rec(i.readLong(), name(i), i.readLong(), i.readLong()));
        readMap(in, s.paramsPages, ShadowCodec::geometry);
        readMap(in, s.created, ShadowCodec::geometry);
        readMap(in, s.realms, ShadowCodec::realm);
        return s;
    }

    private static void realm(DataOutput o, ShadowState.Realm r) throws IOException {
        name(o, r.state);
        o.writeLong(r.stateSeq);
        o.writeLong(r.createdSeq);
        o.writeInt(r.instance);
        o.writeLong(r.previousEndSeq);
        for (int i = 0; i < r.measurements.length; i++) {
            name(o, r.measurements[i]);
            o.writeLong(r.measurementSeq[i]);
        }
        o.writeLong(r.rtt.protectedTop);
        o.writeInt(r.rtt.startLevel);
        for (Map<Long, RttShadow.Entry> level : r.rtt.levels) {
            map(o, level, (w, e) -> {
                w.writeLong(e.seq());
                name(w, e.state());
                name(w, e.ripas());
                w.writeLong(e.pa());
                name(w, e.prevState());
                name(w, e.prevRipas());
                w.writeLong(e.prevPa());
            });
        }
    }

    private static ShadowState.Realm realm(DataInput in) throws IOException {
        ShadowState.Realm r = new ShadowState.Realm();
        r.state = name(in);
        r.stateSeq = in.readLong();
        r.createdSeq = in.readLong();
        r.instance = in.readInt();
        r.previousEndSeq = in.readLong();
        for (int i = 0; i < r.measurements.length; i++) {
            r.measurements[i] = name(in);
            r.measurementSeq[i] = in.readLong();
        }
        r.rtt.protectedTop = in.readLong();
        r.rtt.startLevel = in.readInt();
        for (Map<Long, RttShadow.Entry> level : r.rtt.levels) {
            readMap(in, level, i -> new RttShadow.Entry(i.readLong(), name(i), name(i), i.readLong(),
                    name(i), name(i), i.readLong()));
        }
        return r;
    }

    private static void geometry(DataOutput o, ShadowState.Geometry g) throws IOException {
        o.writeLong(g.s2sz());
        o.writeLong(g.levelStart());
    }

    private static ShadowState.Geometry geometry(DataInput in) throws IOException {
        return new ShadowState.Geometry(in.readLong(), in.readLong());
    }

    private static <V> void map(DataOutput out, Map<Long, V> m, ValueWriter<V> w) throws IOException {
        long[] keys = new long[m.size()];
        int n = 0;
        for (Long k : m.keySet()) keys[n++] = k;
        Arrays.sort(keys);
        out.writeInt(n);
        for (long k : keys) {
            out.writeLong(k);
            w.write(out, m.get(k));
        }
    }

    private static <V> void readMap(DataInput in, Map<Long, V> m, ValueReader<V> r) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("negative map size " + n);
        for (int i = 0; i < n; i++) {
            long k = in.readLong();
            m.put(k, r.read(in));
        }
    }

    private static void name(DataOutput o, String s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) o.writeUTF(s);
    }

    private static String name(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF().intern() : null;
    }
}
