package io.fastship.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every JVM the local stack starts shares: the same java binary, and a log tail for failure messages. */
public final class ChildJvm {

    private static final int TAIL_LINES = 30;

    private ChildJvm() {
    }

    /** The java executable of the running JVM, so children run on the same Java version. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last lines of a child's log, to say in an error why it did not come up. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
