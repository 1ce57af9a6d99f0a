package io.fastship.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.localstack.LocalStackOptions;
import org.junit.jupiter.api.Test;

class GatewayEnvTest {

    private final LocalStackOptions options = new LocalStackOptions(Path.of("."), Path.of("/data"), false, 6, Map.of(ServiceKind.PAYMENT, 1),
            Map.of("PAYMENT_GATEWAY_LATENCY_MS", "20"), Optional.empty(), 0, 0);

    @Test
    void theGatewayGetsItsPortLedgerDirectoryAndTheOlderLatencySetting() {
        Map<String, String> env = new HashMap<>();

        GatewayEnv.add(ServiceKind.GATEWAY, "gateway", 8084, options, List.of(), env);

        assertThat(env).containsEntry("GATEWAY_HTTP_PORT", "8084").containsEntry("GATEWAY_LATENCY_MS", "20")
                .containsEntry("GATEWAY_DATA_DIR", Path.of("/data/gateway").toString());
    }

    @Test
    void otherServicesGetNoGatewaySettingsWithoutAGateway() {
        Map<String, String> env = new HashMap<>();

        GatewayEnv.add(ServiceKind.PAYMENT, "payment-1", 8082, options, List.of(), env);

        assertThat(env).isEmpty();
    }
}
