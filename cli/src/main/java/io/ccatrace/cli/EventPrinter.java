package io.ccatrace.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.ccatrace.trace.Column;
import io.ccatrace.trace.TraceEvent;
import io.ccatrace.trace.jsonl.JsonlCodec;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HexFormat;

/** The three dump forms: JSON lines (the script-format contract), CSV, and a readable table. */
abstract class EventPrinter implements Closeable {
    /** Columns shown by csv and table (all but the chain checkpoints). */
    static final Column[] SHOWN = java.util.Arrays.stream(Column.values())
            .filter(c -> c != Column.CHAIN).toArray(Column[]::new);

    abstract void print(TraceEvent e) throws IOException;

    static EventPrinter of(String format, PrintWriter out) throws IOException {
        switch (format) {
            case "jsonl":
                return new Jsonl(out);
            case "csv":
                return new Csv(out);
            case "table":
                return new Table(out);
            default:
                throw new UserException("--format: unknown format \"" + format + "\" (jsonl, csv or table)");
        }
    }

    /** A column's value as text (hex for registers and addresses), or null. */
    static String text(TraceEvent e, Column c) {
        switch (c.type()) {
            case LONG:
            case INT:
                long v = c.getLong(e);
                if (v == TraceEvent.NULL) return null;
                return c.hex() ? JsonlCodec.hex(v) : Long.toString(v);
            case KIND:
            case NAME:
                return c.getName(e);
            case BOOL:
                return Boolean.toString(e.isInput());
            case LONGS:
                long[] a = c.getLongs(e);
                if (a == null) return null;
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : " ").append(JsonlCodec.hex(a[i]));
                return sb.append(']').toString();
            default:
                return e.payload() == null ? null : HexFormat.of().formatHex(e.payload());
        }
    }

    private static final class Jsonl extends EventPrinter {
        private final JsonGenerator g;

        Jsonl(PrintWriter out) throws IOException {
            g = new JsonFactory().createGenerator(out);
            g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        private boolean any;

        @Override
        void print(TraceEvent e) throws IOException {
            JsonlCodec.write(g, e, null);
            any = true;
        }

        @Override
        public void close() throws IOException {
            if (any) g.writeRaw('\n');
            g.close();
        }
    }

    private static final class Csv extends EventPrinter {
        private final PrintWriter out;

        Csv(PrintWriter out) {
            this.out = out;
            StringBuilder h = new StringBuilder();
            for (Column c : SHOWN) h.append(h.length() == 0 ? "" : ",").append(c.columnName());
            out.println(h);
        }

        @Override
        void print(TraceEvent e) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < SHOWN.length; i++) {
                if (i > 0) sb.append(',');
                String t = text(e, SHOWN[i]);
                if (t != null) sb.append(t);
            }
            out.println(sb);
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class Table extends EventPrinter {
        private final PrintWriter out;

        Table(PrintWriter out) {
            this.out = out;
            out.println(String.format("%8s %12s %-13s %s", "seq", "time", "kind", "fields"));
        }

        @Override
        void print(TraceEvent e) {
            StringBuilder sb = new StringBuilder(String.format("%8d %12d %-13s", e.seq(), e.time(), e.kind()));
            for (int i = 4; i < SHOWN.length; i++) {
                String t = SHOWN[i] == Column.PAYLOAD ? abbreviated(e.payload()) : text(e, SHOWN[i]);
                if (t != null) sb.append(' ').append(SHOWN[i].columnName()).append('=').append(t);
            }
            out.println(sb);
        }

        @Override
        public void close() {
            out.flush();
        }

        /**
         * A payload longer than PREFIX bytes (a 4 KiB page of an NS_WRITE) as its first
         * PREFIX bytes, its length and the start of its SHA-256, so a table row stays one
         * readable line; jsonl and csv keep the bytes whole.
         */
        static String abbreviated(byte[] p) {
            if (p == null) return null;
            if (p.length <= PREFIX) return HexFormat.of().formatHex(p);
            String sha;
            try {
                sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(p));
            } catch (java.security.NoSuchAlgorithmException x) {
                throw new IllegalStateException(x);
            }
            return HexFormat.of().formatHex(p, 0, PREFIX) + "...(" + p.length + " bytes, sha256 "
                    + sha.substring(0, 16) + ")";
        }

        private static final int PREFIX = 16;
    }
}
