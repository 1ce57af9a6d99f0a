package io.fastship.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OwnedStackEnvTest {

    @Test
    void shouldTurnAdmissionControlOffForThePhasesSoTheIntakeBurstIsAcceptedNotRefused() {
        Map<String, String> env = OwnedStackEnv.main(Map.of(), false, Optional.empty());

        assertThat(env).containsEntry("ORDER_MAX_OPEN", "0").containsEntry("PAYMENT_GATEWAY_LATENCY_MS", "0");
        assertThat(OwnedStackEnv.describe(env)).isEqualTo("gateway latency 0 ms, admission control off");
    }

    @Test
    void shouldKeepAdmissionControlInASoakAndPassTheStateRetention() {
        Map<String, String> env = OwnedStackEnv.main(Map.of(), true, Optional.of(Duration.ofMinutes(5)));

        assertThat(env).doesNotContainKey("ORDER_MAX_OPEN").containsEntry("STATE_RETENTION", "PT5M");
        assertThat(OwnedStackEnv.describe(env)).endsWith("admission control on");
    }

    @Test
    void shouldLetTheUsersServiceEnvWinOverTheBenchsDefaults() {
        Map<String, String> env = OwnedStackEnv.main(Map.of("ORDER_MAX_OPEN", "5000"), false, Optional.empty());

        assertThat(env).containsEntry("ORDER_MAX_OPEN", "5000");
        assertThat(OwnedStackEnv.describe(env)).endsWith("admission control on");
    }

    @Test
    void shouldRunTheScalingBacklogWithoutAdmissionControlAndTheGatewayLatencyOfTheOption() {
        Map<String, String> env = OwnedStackEnv.scaling(Map.of("PAYMENT_GATEWAY_LATENCY_MS", "1"), 20);

        assertThat(env).containsEntry("ORDER_MAX_OPEN", "0").containsEntry("PAYMENT_GATEWAY_LATENCY_MS", "20");
    }
}
