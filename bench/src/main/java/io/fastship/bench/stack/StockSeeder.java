package io.fastship.bench.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.bench.intake.OrderRequests;
import io.fastship.events.AdjustmentMode;
import io.fastship.events.StockAdjusted;
import io.fastship.localstack.security.ClientSettings;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sets the stock of the catalog SKUs the bench orders, through the stock topic as operations would. */
public final class StockSeeder {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private StockSeeder() {
    }

    /** Sets the stock as operations would: on a secure stack only their principal may write the stock topic. */
    public static void set(StackHandle stack, int skus, long units) throws Exception {
        ClientSettings operations = stack.credentials().operations().orElseThrow(() -> new IllegalStateException(
                "--seed-stock on a secure stack needs its fastship-ops principal: give --stack-dir"));
        try (KafkaClients writer = StackClients.as(stack, operations)) {
            set(writer, Topics.STOCK.inNamespace(stack.topicNamespace()), skus, units);
        }
    }

    public static void set(KafkaClients clients, Topic<StockAdjusted> stock, int skus, long units) {
        KafkaProducer<String, StockAdjusted> producer = clients.producer("bench-stock", Map.of());
        try {
            List<Future<RecordMetadata>> writes = new ArrayList<>();
            for (int n = 1; n <= skus; n++) {
                String sku = OrderRequests.sku(n);
                writes.add(producer.send(new ProducerRecord<>(stock.name(), sku, StockAdjusted.newBuilder()
                        .setEventId(UUID.randomUUID().toString()).setSku(sku).setMode(AdjustmentMode.SET)
                        .setQuantity(units).setReason("bench seed").setOccurredAt(Instant.now()).build())));
            }
            for (Future<RecordMetadata> write : writes) {
                write.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot seed stock on " + stock.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding stock", e);
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
