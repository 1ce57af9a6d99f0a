package io.fastship.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void orderKeyedTopicsAreCoPartitioned() {
        assertThat(Topics.all())
                .filteredOn(topic -> topic.keyDescription().equals("orderId"))
                .extracting(topic -> topic.settings().partitions())
                .containsOnly(TopicSettings.DEFAULT_PARTITIONS);
    }

    @Test
    void stockIsACompactedTableKeyedBySku() {
        assertThat(Topics.STOCK.keyDescription()).isEqualTo("sku");
        assertThat(Topics.STOCK.settings().configs())
                .containsEntry("cleanup.policy", "compact")
                .doesNotContainKey("retention.ms");
    }

    @Test
    void catalogIsACompactedTableKeyedBySkuLikeStock() {
        assertThat(Topics.CATALOG.keyDescription()).isEqualTo("sku");
        assertThat(Topics.CATALOG.settings()).isEqualTo(Topics.STOCK.settings());
        assertThat(Topics.all()).contains(Topics.CATALOG);
    }

    @Test
    void eventTopicsDeleteAfterTheirRetention() {
        assertThat(Topics.ORDERS.settings().configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()))
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void outcomeTopicsAreStampedOnAppendSoTheSagaKnowsWhenAnOutcomeArrived() {
        assertThat(Topics.PAYMENTS.settings().configs()).containsEntry("message.timestamp.type", "LogAppendTime");
        assertThat(Topics.INVENTORY.settings().forBrokers(1).withPartitions(3).configs())
                .containsEntry("message.timestamp.type", "LogAppendTime");
        assertThat(Topics.ORDERS.settings().configs()).doesNotContainKey("message.timestamp.type");
    }

    @Test
    void replicationShrinksToASingleBroker() {
        TopicSettings local = Topics.ORDERS.settings().forBrokers(1);

        assertThat(local.replicationFactor()).isEqualTo((short) 1);
        assertThat(local.minInsyncReplicas()).isEqualTo(1);
        assertThat(Topics.ORDERS.settings().forBrokers(5).replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void deadLetterTopicsAreNamedAfterTheService() {
        assertThat(Topics.deadLetter("payment-service")).isEqualTo("payment-service.dlq");
        assertThatThrownBy(() -> Topics.deadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueSubjectsFollowTheTopicNameStrategy() {
        assertThat(Topics.PAYMENTS.valueSubject()).isEqualTo("payments-value");
    }

    @Test
    void namespacesPrefixTheName() {
        assertThat(Topics.ORDERS.inNamespace("staging").name()).isEqualTo("staging.orders");
        assertThat(Topics.ORDERS.inNamespace(" ")).isSameAs(Topics.ORDERS);
        assertThatThrownBy(() -> Topics.ORDERS.inNamespace("bad ns")).hasMessageContaining("bad ns.orders");
    }

    @Test
    void rejectsIllegalTopicNames() {
        assertThatThrownBy(() -> new Topic<>("orders!", io.fastship.events.OrderCreated.class, "orderId",
                TopicSettings.events())).hasMessageContaining("orders!");
    }

    @Test
    void rejectsMinIsrAboveReplication() {
        assertThatThrownBy(() -> new TopicSettings(6, (short) 1, TopicSettings.Cleanup.DELETE, Duration.ofDays(1), 2))
                .hasMessageContaining("minInsyncReplicas");
    }
}
