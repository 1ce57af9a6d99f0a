package io.fastship.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.fastship.chaos.scenario.FaultAt;
import io.fastship.chaos.scenario.Scenario;
import io.fastship.localstack.fault.Fault;
import org.junit.jupiter.api.Test;

class ChaosCommandTest {

    @Test
    void faultsAreParsedWithTheirMomentAndDuration() {
        Scenario scenario = ChaosCommand.parse("--fault", "30s:payment-1:pause:45s", "--fault", "10s:broker-2:kill",
                "--rate", "50", "--orders", "300", "--poison", "2");

        assertThat(scenario.faults()).extracting(FaultAt::label)
                .containsExactly("10s broker-2 kill", "30s payment-1 pause 45s");
        assertThat(scenario.faults().get(1).fault().action()).isEqualTo(Fault.Action.PAUSE);
        assertThat(scenario.faults().get(1).endsAt()).isEqualTo(Duration.ofSeconds(75));
        assertThat(scenario.load().rate()).isEqualTo(50);
        assertThat(scenario.load().orders()).isEqualTo(300);
        assertThat(scenario.poison()).isEqualTo(2);
        assertThat(scenario.load().watchEvery()).isEqualTo(5);
        assertThat(ChaosCommand.parse("--watch-every", "0").load().watchEvery()).isZero();
    }

    @Test
    void withoutFaultsTheDefaultScenarioExercisesEveryKindOnBrokerRegistryAndService() {
        Scenario scenario = ChaosCommand.parse();

        assertThat(scenario.faults()).extracting(f -> f.fault().action())
                .contains(Fault.Action.KILL, Fault.Action.RESTART, Fault.Action.PAUSE, Fault.Action.DOWN);
        assertThat(scenario.faults()).extracting(f -> f.fault().target())
                .contains("registry", "broker-2", "payment-1", "order-1", "inventory-1");
        assertThat(scenario.faults()).extracting(FaultAt::label).contains("20s registry down 20s",
                "23s order-1 restart", "26s inventory-1 restart", "55s broker-2 pause 20s", "85s order-1 pause 45s");
        assertThat(scenario.orderDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ChaosCommand.parse("--no-faults").faults()).isEmpty();
    }

    @Test
    void aMalformedFaultIsRefusedNamingTheForm() {
        assertThatThrownBy(() -> FaultAt.parse("broker-2:kill")).hasMessageContaining("AT:TARGET:ACTION");
        assertThatThrownBy(() -> FaultAt.parse("10s:registry:down")).hasMessageContaining("needs a duration");
        assertThat(ChaosCommand.commandLine().execute("--rate", "0")).isEqualTo(2);
    }
}
