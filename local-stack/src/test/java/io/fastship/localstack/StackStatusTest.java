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
            "http://127.0.0.1:8082", 42), new StackStatus.Instance("payment-2", "payment", "http://127.0.0.1:41234", 43)),
            List.of(new StackStatus.ProcessStatus("broker-1", "broker", 40, null, "127.0.0.1:9092", "running"),
                    new StackStatus.ProcessStatus("broker-2", "broker", 41, null, "127.0.0.1:9094", "stopped"),
                    new StackStatus.ProcessStatus("registry", "registry", 44, "http://127.0.0.1:8081", null, "paused"),
                    new StackStatus.ProcessStatus("payment-1", "payment", 42, "http://127.0.0.1:8082", null, "running"),
                    new StackStatus.ProcessStatus("payment-2", "payment", 43, "http://127.0.0.1:41234", null,
                            "restarting")));

    @Test
    void survivesAJsonRoundTrip(@TempDir Path dir) throws Exception {
        status.writeTo(dir);

        assertThat(StackStatus.fromJson(Files.readString(dir.resolve(StackStatus.FILE)))).isEqualTo(status);
    }

    @Test
    void tableListsEveryProcessWithItsAddressPidAndState() {
        assertThat(status.table())
                .containsPattern("broker-1\\s+127.0.0.1:9092\\s+pid 40\\s+running")
                .containsPattern("broker-2\\s+127.0.0.1:9094\\s+pid 41\\s+stopped")
                .containsPattern("registry\\s+http://127.0.0.1:8081\\s+pid 44\\s+paused")
                .containsPattern("payment-1\\s+http://127.0.0.1:8082\\s+pid 42\\s+running")
                .containsPattern("payment-2\\s+http://127.0.0.1:41234\\s+pid 43\\s+restarting");
    }

    @Test
    void statusEndpointBodyIsTheProcessArrayWithUrlOrAddress() {
        assertThat(status.processesJson().replaceAll("\\s", ""))
                .startsWith("[{\"name\":\"broker-1\",\"kind\":\"broker\",\"pid\":40,\"address\":\"127.0.0.1:9092\","
                        + "\"state\":\"running\"}")
                .contains("{\"name\":\"registry\",\"kind\":\"registry\",\"pid\":44,\"url\":\"http://127.0.0.1:8081\","
                        + "\"state\":\"paused\"}");
    }
}
