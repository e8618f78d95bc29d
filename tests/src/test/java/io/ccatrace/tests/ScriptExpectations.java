package io.ccatrace.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected results a sample script states in its comments (sample-traces/scripts/
 * README.md): {@code # expect: STATUS [INDEX] [xN=VALUE]... [exit=REASON] [-- why]} for the
 * next `rmi` line, {@code # expect all: ...} for every following `rmi` line up to the next
 * expect comment. The contract has no expectation field, so they live in comments.
 */
record ScriptExpectations(Map<Integer, Expect> byLine) {
    /** What one RMI call must return. outputs: register number (1 = x1) to value. */
    record Expect(String status, int index, Map<Integer, Long> outputs, String exit, String text) {
    }

    static ScriptExpectations read(String script) {
        String[] lines = script.split("\r?\n", -1);
        Map<Integer, Expect> out = new LinkedHashMap<>();
        Expect once = null;
        Expect all = null;
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            if (s.startsWith("# expect all:")) {
                all = parse(s.substring("# expect all:".length()), i + 1);
                once = null;
            } else if (s.startsWith("# expect:")) {
                once = parse(s.substring("# expect:".length()), i + 1);
                all = null;
            } else if (s.startsWith("{") && s.replace(" ", "").contains("\"op\":\"rmi\"")) {
                Expect e = once != null ? once : all;
                if (e == null) throw new IllegalArgumentException("line " + (i + 1)
                        + ": rmi line without an expect comment");
                out.put(i + 1, e);
                once = null;
            }
        }
        return new ScriptExpectations(out);
    }

    private static Expect parse(String spec, int line) {
        String text = "";
        int dash = spec.indexOf(" -- ");
        if (dash >= 0) {
            text = spec.substring(dash + 4).strip();
            spec = spec.substring(0, dash);
        }
        List<String> words = new ArrayList<>(List.of(spec.strip().split("\\s+")));
        if (words.isEmpty() || !words.get(0).startsWith("RMI_")) {
            throw new IllegalArgumentException("line " + line + ": expect needs a status");
        }
        String status = words.remove(0);
        int index = 0;
        Map<Integer, Long> outputs = new TreeMap<>();
        String exit = null;
        for (String w : words) {
            if (w.matches("\\d+")) {
                index = Integer.parseInt(w);
            } else if (w.matches("x\\d+=.*")) {
                int eq = w.indexOf('=');
                outputs.put(Integer.parseInt(w.substring(1, eq)), number(w.substring(eq + 1)));
            } else if (w.startsWith("exit=")) {
                exit = w.substring(5);
            } else {
                throw new IllegalArgumentException("line " + line + ": bad expect word '" + w + "'");
            }
        }
        return new Expect(status, index, outputs, exit, text);
    }

    private static long number(String s) {
        String t = s.replace("_", "");
        return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16)
                : Long.parseUnsignedLong(t);
    }
}
