package io.fastship.inventory.stock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.events.CatalogItem;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes prices to the compacted catalog topic (creating it like the services do), waiting for every ack. */
public final class CatalogWriter {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CatalogWriter() {
    }

    /** Sets every SKU in {@code skus} to {@code priceMinor} in {@code currency}; returns how many were written. */
    public static int write(KafkaConnection connection, String namespace, int partitions, Collection<String> skus,
                            long priceMinor, String currency) {
        Topic<CatalogItem> topic = Topics.CATALOG.inNamespace(namespace);
        try (KafkaClients clients = new KafkaClients(connection, "catalog-writer")) {
            try (Admin admin = clients.admin()) {
                new TopicInitializer(admin, TIMEOUT).ensure(List.of(
                        new TopicInitializer.Spec(topic.name(), topic.settings().withPartitions(partitions))));
            }
            try (KafkaProducer<String, CatalogItem> producer = clients.producer("catalog-writer", Map.of())) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (String sku : skus) {
                    sent.add(producer.send(new ProducerRecord<>(topic.name(), sku,
                            CatalogPrices.item(sku, priceMinor, currency))));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : sent) {
                    ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                return sent.size();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("catalog record not written: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("catalog records not acknowledged within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing prices", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the Kafka clients failed: " + e.getMessage(), e);
        }
    }
}
