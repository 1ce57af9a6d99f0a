package io.fastship.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStatusTest {

    private final StackStatus status = new StackStatus("http://127.0.0.1:40000", "127.0.0.1:9092",
            "http://127.0.0.1:8081", "/data", 6, List.of(new StackStatus.Instance("payment-1", "payment",
            "http://127.0.0.1:8082", 42), new StackStatus.Instance("payment-2", "payment", "http://127.0.0.1:41234", 43)));

    @Test
    void survivesAJsonRoundTrip(@TempDir Path dir) throws Exception {
        status.writeTo(dir);

        assertThat(StackStatus.fromJson(Files.readString(dir.resolve(StackStatus.FILE)))).isEqualTo(status);
    }

    @Test
    void tableListsEveryInstanceWithItsUrl() {
        assertThat(status.table())
                .contains("127.0.0.1:9092")
                .containsPattern("payment-1\\s+http://127.0.0.1:8082\\s+pid 42")
                .containsPattern("payment-2\\s+http://127.0.0.1:41234\\s+pid 43");
    }
}
