package io.fastship.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @Test
    void aSecondLockOnTheSameDirectoryRefusesNamingTheHolder(@TempDir Path dir) {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("another ./fastship up is running on " + dir.toAbsolutePath() + " (pid "
                            + ProcessHandle.current().pid() + "); stop it first");
        }
        try (DataDirLock again = DataDirLock.acquire(dir)) {
            assertThat(dir.resolve(DataDirLock.FILE)).exists();
        }
    }

    @Test
    void freshWipeKeepsTheHeldLock(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kafka/kraft"));
        Files.writeString(dir.resolve("kafka/kraft/meta.properties"), "x");
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            DataDirectory.wipe(dir, dir.resolve(DataDirLock.FILE));

            assertThat(dir.resolve("kafka")).doesNotExist();
            assertThat(dir.resolve(DataDirLock.FILE)).exists();
        }
    }
}
