package io.fastship.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine a run was made on, so a number is never quoted without it. */
public record MachineInfo(int cores, long memoryBytes, String javaVersion, String javaVm, String os) {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB");

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), totalMemory(),
                System.getProperty("java.version"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** {@code MemTotal} of {@code /proc/meminfo}, in bytes; -1 if unknown. */
    static long parseMemTotal(String meminfo) {
        Matcher matcher = MEM_TOTAL.matcher(meminfo);
        return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
    }

    private static long totalMemory() {
        try {
            return parseMemTotal(Files.readString(Path.of("/proc/meminfo")));
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        }
    }
}
