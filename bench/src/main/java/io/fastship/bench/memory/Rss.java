package io.fastship.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resident set size of a process, from the {@code VmRSS} line of Linux's {@code /proc/<pid>/status}. */
public final class Rss {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB\\s*$");

    private Rss() {
    }

    /** The RSS in bytes, or empty when the process is gone or the system has no {@code /proc}. */
    public static OptionalLong of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Bytes from the text of a {@code status} file; empty when it has no {@code VmRSS} line (kernel threads). */
    public static OptionalLong parse(String status) {
        Matcher matcher = VM_RSS.matcher(status);
        if (!matcher.find()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)) * 1024);
    }
}
