package io.fastship.console.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fastship.console.ConsoleSettings;
import io.fastship.console.topics.RecordViews;
import io.fastship.inspector.Cluster;
import io.fastship.inspector.tail.RecordRange;
import io.fastship.inspector.topics.KeyPartition;
import io.fastship.inspector.topics.TopicInspector;
import io.fastship.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One order's life across the topics: every record keyed by its id in orders, payments, inventory,
 * order-status and the dead-letter topics. Topics are keyed by orderId and co-partitioned, so only the
 * key's partition of each topic is read.
 */
public final class OrderTimeline {

    /** How far back each partition is searched; older events of an order are out of the window. */
    static final long SCAN_PER_PARTITION = 200_000;
    private static final int MAX_EVENTS = 500;

    private final Cluster cluster;
    private final ConsoleSettings settings;
    private final TopicInspector topics;
    private final RecordRange range;
    private final RecordViews views;

    public OrderTimeline(Cluster cluster, ConsoleSettings settings, RecordViews views) {
        this.cluster = cluster;
        this.settings = settings;
        this.topics = new TopicInspector(cluster);
        this.range = new RecordRange(cluster);
        this.views = views;
    }

    /** The topics searched, in flow order, that exist now. */
    public List<String> searchedTopics() {
        Set<String> existing = cluster.await(cluster.admin().listTopics().names(), "listing topics");
        List<String> names = new ArrayList<>();
        Topics.all().stream().filter(t -> t != Topics.STOCK).map(t -> settings.named(t.name()))
                .filter(existing::contains).forEach(names::add);
        existing.stream().filter(t -> t.endsWith(".dlq") && t.startsWith(settings.named(""))).sorted()
                .forEach(names::add);
        return names;
    }

    /** Every event of the order, oldest first; empty when none is in the searched window. */
    public List<ObjectNode> events(String orderId, List<String> searched) {
        if (searched.isEmpty()) {
            return List.of();
        }
        byte[] key = orderId.getBytes(StandardCharsets.UTF_8);
        Map<String, TopicDescription> described = topics.describe(searched);
        List<TopicPartition> partitions = searched.stream().map(name -> new TopicPartition(name,
                KeyPartition.of(orderId, described.get(name).partitions().size()))).toList();
        List<ConsumerRecord<byte[], byte[]>> records = range.newest(partitions, SCAN_PER_PARTITION,
                r -> Arrays.equals(key, r.key()), MAX_EVENTS);
        List<ObjectNode> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ObjectNode node = views.toJson(record);
            node.put("event", label(record, node));
            String traceparent = RecordViews.header(record, "traceparent");
            node.put("traceId", traceId(traceparent));
            events.add(node);
        }
        return events;
    }

    /** What a person calls the record: OrderCreated, PaymentEvent AUTHORIZED, dead letter (its error class). */
    static String label(ConsumerRecord<byte[], byte[]> record, JsonNode json) {
        if (record.topic().endsWith(".dlq")) {
            String error = RecordViews.header(record, "dlq.error.class");
            return "dead letter" + (error == null ? "" : " (" + error + ")");
        }
        String base = record.topic().substring(record.topic().lastIndexOf('.') + 1);
        String type = switch (base) {
            case "orders" -> "OrderCreated";
            case "payments" -> "PaymentEvent";
            case "inventory" -> "InventoryEvent";
            case "order-status" -> "OrderStatusChanged";
            default -> base;
        };
        JsonNode status = json.path("value").path("status");
        return status.isTextual() ? type + " " + status.asText() : type;
    }

    /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.strip().split("-");
        return parts.length == 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }
}
