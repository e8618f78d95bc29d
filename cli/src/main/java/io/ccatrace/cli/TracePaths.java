package io.ccatrace.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands trace arguments: a file, a directory (every .arrows, .parquet and .jsonl file in
 * it, recursively) or a glob in the last path element ("traces/*.parquet"). Sorted, so the
 * same arguments always give the same order.
 */
final class TracePaths {
    private TracePaths() {
    }

    static boolean isTrace(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".arrows") || n.endsWith(".parquet") || n.endsWith(".jsonl");
    }

    static List<Path> expand(List<String> args) {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            TreeSet<Path> found = new TreeSet<>();
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(TracePaths::isTrace).forEach(found::add);
                } catch (IOException e) {
                    throw new UserException(a + ": cannot list directory: " + e.getMessage());
                }
            } else if (a.contains("*") || a.contains("?") || a.contains("[")) {
                Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
                PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + p.getFileName());
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    for (Path f : ds) {
                        if (Files.isRegularFile(f) && m.matches(f.getFileName())) found.add(f);
                    }
                } catch (IOException e) {
                    throw new UserException(a + ": cannot list " + dir + ": " + e.getMessage());
                }
                if (found.isEmpty()) throw new UserException(a + ": no trace file matches");
            } else {
                found.add(p);
            }
            if (found.isEmpty()) throw new UserException(a + ": no trace files (.arrows, .parquet, .jsonl) in directory");
            out.addAll(found);
        }
        return out;
    }
}
