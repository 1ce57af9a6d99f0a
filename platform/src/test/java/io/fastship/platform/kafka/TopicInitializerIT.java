package io.fastship.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.schemas.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

@WithKafkaStack
class TopicInitializerIT {

    @Test
    void createsTopicsWithDeclaredPartitionsAndConfigsOnceOnly(KafkaStack stack) throws Exception {
        String events = stack.uniqueName("events");
        String table = stack.uniqueName("table");
        var specs = List.of(new TopicInitializer.Spec(events, TopicSettings.events().withPartitions(4)),
                new TopicInitializer.Spec(table, TopicSettings.compacted()));

        try (Admin admin = Admin.create(stack.clientConfig())) {
            TopicInitializer initializer = new TopicInitializer(admin, Duration.ofSeconds(30));

            assertThat(initializer.ensure(specs)).containsExactlyInAnyOrder(events, table);
            assertThat(initializer.ensure(specs)).isEmpty();

            var descriptions = admin.describeTopics(Set.of(events, table)).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(descriptions.get(events).partitions()).hasSize(4);
            assertThat(descriptions.get(table).partitions()).hasSize(TopicSettings.DEFAULT_PARTITIONS);
            var configs = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, table),
                    new ConfigResource(ConfigResource.Type.TOPIC, events))).all().get(10, TimeUnit.SECONDS);
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, table)).get("cleanup.policy").value())
                    .isEqualTo("compact");
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, events)).get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, events)).get("min.insync.replicas").value())
                    .isEqualTo("1");
        }
    }
}
