package io.fastship.bench.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time a process used so far, from Linux's {@code /proc/<pid>/stat}: {@code utime + stime} (fields 14 and 15,
 * all threads), in clock ticks of {@code USER_HZ}, which is 100 on every Linux the bench runs on.
 */
public final class ProcStat {

    public static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** Ticks of user plus system time, or empty when the process is gone or there is no {@code /proc}. */
    public static OptionalLong cpuTicks(long pid) {
        try {
            return OptionalLong.of(parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Ticks the JIT compiler threads of a JVM used so far ({@code /proc/<pid>/task/<tid>/stat} of the threads named
     * {@code C1 CompilerThre...} / {@code C2 CompilerThre...}), or empty when it cannot be read. Compiling is a
     * warm-up cost that fades in a long run, so a short run that counted it as per-order cost would mislead.
     */
    public static OptionalLong jitTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long sum = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                if (isJitCompiler(stat)) {
                    sum += parseCpuTicks(stat);
                }
            }
            return OptionalLong.of(sum);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** True for a HotSpot compiler thread's {@code stat} line (its name, cut to 15 characters by Linux). */
    static boolean isJitCompiler(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return false;
        }
        String name = stat.substring(open + 1, close);
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** From the text of a {@code stat} file; the command name (field 2) may hold spaces and parentheses. */
    public static long parseCpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        // After ") " come field 3 (state) onwards: utime is field 14, stime field 15.
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + stat);
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
