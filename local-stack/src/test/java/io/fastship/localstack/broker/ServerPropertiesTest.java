package io.fastship.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerPropertiesTest {

    private final BrokerConfig config = new BrokerConfig(Path.of("/data"), "127.0.0.1", 19092, 19093, "512m", Map.of());

    @Test
    void rendersSingleNodeKraftSettings() {
        var props = ServerProperties.render(config, Path.of("/data/kraft"));

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", "/data/kraft");
    }

    @Test
    void internalTopicsFitOneBroker() {
        var props = ServerProperties.render(config, Path.of("/data/kraft"));

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1");
    }

    @Test
    void crashedConsumerGroupMembersAreDetectedInSeconds() {
        var props = ServerProperties.render(config, Path.of("/data/kraft"));

        assertThat(Integer.parseInt(props.get("group.consumer.session.timeout.ms"))).isLessThanOrEqualTo(10_000);
        assertThat(Integer.parseInt(props.get("group.consumer.min.session.timeout.ms")))
                .isLessThanOrEqualTo(Integer.parseInt(props.get("group.consumer.session.timeout.ms")));
    }

    @Test
    void overridesWinOverDefaults() {
        var props = ServerProperties.render(config.withOverride("num.partitions", "6"), Path.of("/data/kraft"));

        assertThat(props).containsEntry("num.partitions", "6");
    }

    @Test
    void textIsSortedKeyValueLines() {
        String text = ServerProperties.toText(ServerProperties.render(config, Path.of("/k")));

        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .isSorted()
                .allMatch(line -> line.contains("="));
    }

    @Test
    void rejectsTheSamePortTwice() {
        assertThatThrownBy(() -> config.withPorts(9092, 9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must differ");
    }

    @Test
    void aSecuredBrokerListensOnSaslSslOnlyWithTheStandardAuthorizerDenyingByDefault() {
        BrokerSecurity security = new BrokerSecurity(Path.of("/s/broker.p12"), Path.of("/s/trust.p12"), "pw",
                "fastship-admin", "adminpw");

        var props = ServerProperties.render(config.withSecurity(security), Path.of("/data/kraft"));

        assertThat(props)
                .containsEntry("listeners", "SASL_SSL://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "SASL_SSL://127.0.0.1:19092")
                .containsEntry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsEntry("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:fastship-admin");
        assertThat(props.values()).noneMatch(value -> value.contains("PLAINTEXT"));
        assertThat(security.toString()).doesNotContain("adminpw");
    }
}
