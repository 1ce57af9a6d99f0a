package io.fastship.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the launcher did to its processes (faults, restarts), with a UTC timestamp: on the console through
 * the launcher's log and appended to {@code logs/launcher.log}, so a run can be audited afterwards.
 */
public final class EventLog {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);

    private final Path file;

    public EventLog(Path file) {
        this.file = file;
    }

    public synchronized void record(String message) {
        String line = Instant.now() + " " + message;
        log.info("{}", line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("cannot append to {}: {}", file, e.getMessage());
        }
    }
}
