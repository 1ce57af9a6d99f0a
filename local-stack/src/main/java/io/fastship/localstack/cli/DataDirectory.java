package io.fastship.localstack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The local stack's data directory, which survives restarts unless the user asks for a fresh start. */
final class DataDirectory {

    private DataDirectory() {
    }

    /** Deletes everything in {@code dir} except {@code keep} (the lock file the caller holds) and {@code dir} itself. */
    static void wipe(Path dir, Path keep) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir) && !path.equals(keep)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
