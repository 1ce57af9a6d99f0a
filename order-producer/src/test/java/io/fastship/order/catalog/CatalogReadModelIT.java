package io.fastship.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.fastship.events.CatalogItem;
import io.fastship.events.PriceSet;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The order service starting while the registry is away (issue 15): the catalog it prices orders from must be read
 * once the registry is back, not skipped record by record, which left every SKU without a price for good; nor may
 * the records of the other partitions a poll returned with the refused one be dropped (seen in FaultSuiteIT: after
 * an order service restart while the registry was down, 12 of 20 SKUs stayed unknown and their orders got 422).
 */
@WithKafkaStack
class CatalogReadModelIT {

    private static final int SKUS = 30;

    @Test
    void shouldLoadTheCatalogOnceTheRegistryIsBackInsteadOfSkippingIt(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("catalog");
        // Several partitions: one poll returns records of many, and a record refused must not lose the others.
        stack.createTopic(topic, 6);
        KafkaConnection connection = KafkaConnection.of(stack.bootstrapServers(), stack.schemaRegistryUrl());
        try (KafkaProducer<String, CatalogItem> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(),
                new KafkaClients(connection, "catalog-writer").valueSerde(Topics.CATALOG).serializer())) {
            for (int n = 1; n <= SKUS; n++) {
                producer.send(new ProducerRecord<>(topic, "SKU-" + n, new CatalogItem("SKU-" + n, null,
                        new PriceSet(1250L + n, "EUR"), Instant.now())));
            }
            producer.flush();
        }
        // A new process: its registry client has nothing cached, and the registry is down while it starts.
        Serde<CatalogItem> values = new KafkaClients(connection, "catalog-reader").valueSerde(Topics.CATALOG);
        stack.registry().stop();
        CatalogReadModel model;
        try {
            model = CatalogReadModel.start(topic, connection.clientConfig(), stack.uniqueName("catalog-reader"),
                    values.deserializer());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !model.check().up());
        } finally {
            stack.registry().start();
        }

        try (model) {
            await().atMost(Duration.ofSeconds(60)).until(() -> model.check().up());
            assertThat(model.size()).isEqualTo(SKUS);
            for (int n = 1; n <= SKUS; n++) {
                long expected = 1250L + n;
                assertThat(model.price("SKU-" + n)).as("SKU-" + n).hasValueSatisfying(price ->
                        assertThat(price.unitPriceMinor()).isEqualTo(expected));
            }
        }
    }
}
