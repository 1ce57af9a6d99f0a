package io.fastship.localstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void parsesEveryActionAndItsDuration() {
        assertThat(Fault.parse("broker-2", "kill", null)).isEqualTo(new Fault("broker-2", Fault.Action.KILL, Optional.empty()));
        assertThat(Fault.parse("payment-1", "RESTART", "")).isEqualTo(new Fault("payment-1", Fault.Action.RESTART, Optional.empty()));
        assertThat(Fault.parse("broker-1", "pause", "20s").duration()).contains(Duration.ofSeconds(20));
        assertThat(Fault.parse("registry", "down", "500ms").duration()).contains(Duration.ofMillis(500));
        assertThat(Fault.parse("registry", "down", "2m").duration()).contains(Duration.ofMinutes(2));
        assertThat(Fault.parse("registry", "down", "7").duration()).contains(Duration.ofSeconds(7));
    }

    @Test
    void rejectsAnUnknownActionNamingTheKnownOnes() {
        assertThatThrownBy(() -> Fault.parse("broker-1", "explode", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fault action 'explode' (expected kill, restart, pause DURATION or down DURATION)");
    }

    @Test
    void timedActionsNeedADurationAndTheOthersTakeNone() {
        assertThatThrownBy(() -> Fault.parse("broker-1", "pause", null)).hasMessageContaining("pause needs a duration");
        assertThatThrownBy(() -> Fault.parse("broker-1", "kill", "10s")).hasMessageContaining("kill takes no duration");
        assertThatThrownBy(() -> Fault.parse("broker-1", "down", "soon")).hasMessageContaining("invalid duration 'soon'");
        assertThatThrownBy(() -> Fault.parse("broker-1", "down", "0s")).hasMessageContaining("1 ms..1 h");
    }

    @Test
    void describesItselfForTheEventLog() {
        assertThat(Fault.parse("broker-2", "pause", "20s").describe()).isEqualTo("pause broker-2 for 20000 ms");
        assertThat(Fault.parse("order-1", "kill", null).describe()).isEqualTo("kill order-1");
    }
}
