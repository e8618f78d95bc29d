package io.ccatrace.cli;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One side of `bench ab`: a ccatrace build (a jar, or a class path) in a class loader of its
 * own, with the platform loader as parent, so two builds run side by side in one JVM without
 * sharing a class, a static or a JIT profile. It drives the build only through calls every
 * build since session 11 has (scenario options, the scenario run, the recording and the
 * replay), by reflection; a build without them is a one-line error.
 */
final class AbSide implements Closeable {
    /** What a pass times. */
    enum Part { SIMULATE, RECORD, REPLAY, WRITER }

    /** One timed pass: events, the calling thread's CPU and allocation, wall, and the whole JVM's CPU. */
    record Pass(long events, long threadCpuNanos, long allocatedBytes, long wallNanos, long processCpuNanos) {
        double perEvent(long nanos) {
            return (double) nanos / events;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    final String name;
    private final String where;
    private final URLClassLoader loader;
    private final Object options;
    private final Method simulate;
    private final Object noProgress;
    private final Method record;
    /** The build's {@code WriterParts} (its events of one run kept), made by the first writer pass. */
    private Object writerParts;

    /** Loads the build at classPath (entries separated by the path separator) for the scenario's options. */
    AbSide(String name, String classPath, String scenario, long seed, long events) {
        this.name = name;
        this.where = classPath;
        this.loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader());
        try {
            Class<?> sc = type("io.ccatrace.model.scenario.Scenario");
            Class<?> oc = type("io.ccatrace.model.scenario.ScenarioOptions");
            Object s = sc.getMethod("byName", String.class).invoke(null, scenario);
            if (s == null) throw new UserException("--scenario: unknown scenario '" + scenario + "' in " + where);
            Object o = oc.getMethod("of", sc).invoke(null, s);
            o = oc.getMethod("withSeed", long.class).invoke(o, seed);
            this.options = oc.getMethod("withEvents", long.class).invoke(o, events);
            Class<?> progress = type("io.ccatrace.model.scenario.Progress");
            this.noProgress = progress.getField("NONE").get(null);
            Class<?> run = type("io.ccatrace.model.scenario.ScenarioRun");
            this.simulate = run.getMethod("run", progress);
            this.record = type("io.ccatrace.cli.ScenarioRecording").getDeclaredMethod("record", oc, Path.class, progress);
            record.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                loader.close();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            if (e instanceof RuntimeException) throw (RuntimeException) e;
            throw new UserException(where + ": not a ccatrace build bench ab can drive (" + e + ")");
        }
    }

    private static URL[] urls(String classPath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry);
            if (!Files.exists(p)) throw new UserException("--against: no such file: " + entry);
            try {
                urls.add(p.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new UserException("--against: not a path: " + entry);
            }
        }
        if (urls.isEmpty()) throw new UserException("--against: empty class path");
        return urls.toArray(new URL[0]);
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    /** Records the scenario to out with this build (untimed use: the replay part's trace). */
    long recordTo(Path out) throws IOException {
        return events(call(() -> record.invoke(null, options, out, noProgress)));
    }

    /**
     * One timed pass of part; out is the recording's file (RECORD; WRITER: its directory and
     * format) or the trace to replay (REPLAY).
     */
    Pass pass(Part part, Path out) throws IOException {
        if (part == Part.WRITER) return writer(out);
        long tid = Thread.currentThread().getId();
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long p0 = OS.getProcessCpuTime();
        long b0 = t.getThreadAllocatedBytes(tid);
        long c0 = t.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long n = events(call(() -> once(part, out)));
        long w = System.nanoTime() - w0;
        long c = t.getCurrentThreadCpuTime() - c0;
        long b = t.getThreadAllocatedBytes(tid) - b0;
        return new Pass(n, c, b, w, OS.getProcessCpuTime() - p0);
    }

    /**
     * The recorder and writer without the model, as {@code bench record --writer}'s middle part
     * (every build since session 13 has it): this build's events of one run, kept once (untimed,
     * on the first pass), given to a recorder that writes to /dev/null in out's format (a link
     * in out's directory). The thread CPU is that part's own, the recorder's calls only.
     */
    private Pass writer(Path out) throws IOException {
        String file = out.getFileName().toString();
        String format = file.substring(file.lastIndexOf('.') + 1);
        if (writerParts == null) {
            writerParts = call(() -> {
                var make = type("io.ccatrace.cli.WriterParts").getDeclaredConstructor(options.getClass(), Path.class, String.class);
                make.setAccessible(true);
                return make.newInstance(options, out.getParent(), format);
            });
        }
        long tid = Thread.currentThread().getId();
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long p0 = OS.getProcessCpuTime();
        long b0 = t.getThreadAllocatedBytes(tid);
        Object pass = call(() -> hidden(writerParts, "pass", 1));
        long b = t.getThreadAllocatedBytes(tid) - b0;
        long p = OS.getProcessCpuTime() - p0;
        return new Pass(number(pass, "events"), number(pass, "cpuNanos"), b, number(pass, "wallNanos"), p);
    }

    /** A long of one of the build's package-private records (a {@code bench record} pass). */
    private long number(Object record, String accessor) throws IOException {
        return (Long) call(() -> hidden(record, accessor));
    }

    /** Calls a method of one of the build's package-private classes (int arguments only). */
    private static Object hidden(Object target, String method, int... args) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[args.length];
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = int.class;
            values[i] = args[i];
        }
        Method m = target.getClass().getDeclaredMethod(method, types);
        m.setAccessible(true);
        return m.invoke(target, values);
    }

    private Object once(Part part, Path out) throws ReflectiveOperationException {
        switch (part) {
            case SIMULATE:
                Object run = type("io.ccatrace.model.scenario.ScenarioRun").getConstructor(options.getClass()).newInstance(options);
                return simulate.invoke(run, noProgress);
            case RECORD:
                return record.invoke(null, options, out, noProgress);
            default:
                return replay(out);
        }
    }

    private Object replay(Path trace) throws ReflectiveOperationException {
        Class<?> replayer = type("io.ccatrace.replay.Replayer");
        Class<?> opts = type("io.ccatrace.replay.ReplayOptions");
        Class<?> cursorType = type("io.ccatrace.trace.TraceCursor");
        Consumer<String> ignore = w -> { };
        Object cursor = replayer.getMethod("openCursor", Path.class, Consumer.class).invoke(null, trace, ignore);
        try (Closeable c = (Closeable) cursor) {
            Object r = replayer.getConstructor(opts).newInstance(opts.getMethod("all").invoke(null));
            return replayer.getMethod("run", cursorType, Consumer.class).invoke(r, cursor, (Consumer<Object>) d -> { });
        } catch (IOException e) {
            throw new InvocationTargetException(e);
        }
    }

    /** The events of a scenario run's or a replay's result. */
    private long events(Object result) {
        try {
            String m = result.getClass().getSimpleName().equals("ReplayResult") ? "rows" : "events";
            return (Long) result.getClass().getMethod(m).invoke(result);
        } catch (ReflectiveOperationException e) {
            throw new UserException(where + ": not a ccatrace build bench ab can drive (" + e + ")");
        }
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    /** Runs c with this build as the thread's context class loader; its own exceptions come out unwrapped. */
    private Object call(Call c) throws IOException {
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(loader);
        try {
            return c.run();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) throw (IOException) cause;
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new UserException(where + ": not a ccatrace build bench ab can drive (" + e + ")");
        } finally {
            me.setContextClassLoader(before);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
