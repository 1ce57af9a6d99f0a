package io.fastship.inventory.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.LineOutcome;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.inventory.JsonSerde;
import io.fastship.inventory.line.LineCommand;
import io.fastship.inventory.line.LineResult;
import io.fastship.inventory.metrics.InventoryMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coordinator alone, for interleavings the full topology never shows: a cancellation while lines are out. */
class OrderCoordinatorTest {

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private final OrderCoordinator coordinator = new OrderCoordinator(new InventoryMetrics(new SimpleMeterRegistry()));

    @BeforeEach
    void init() {
        KeyValueStore<String, OrderProgress> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(OrderCoordinator.STORE), Serdes.String(),
                JsonSerde.of(OrderProgress.class)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        context.setCurrentSystemTimeMs(1_000L);
        coordinator.init(context);
    }

    @Test
    void aCancellationWhileLinesAreOutReleasesThemAtOnceAndReportsReleasedWhenAllAreAnswered() {
        process("o-1", order("o-1", "SKU-1", 2, "SKU-2", 1));
        assertThat(commands()).extracting(LineCommand::kind, LineCommand::sku)
                .containsExactly(tuple(LineCommand.Kind.RESERVE, "SKU-1"), tuple(LineCommand.Kind.RESERVE, "SKU-2"));
        context.resetForwards();

        process("o-1", cancelled("o-1"));
        assertThat(commands()).extracting(LineCommand::kind, LineCommand::line)
                .containsExactly(tuple(LineCommand.Kind.RELEASE, 0), tuple(LineCommand.Kind.RELEASE, 1));
        context.resetForwards();
        process("o-1", cancelled("o-1"));
        process("o-1", reserved("o-1", 0, "SKU-1", 2));
        assertThat(context.forwarded()).as("a repeated cancellation releases nothing twice").isEmpty();

        process("o-1", reserved("o-1", 1, "SKU-2", 1));

        assertThat(events()).extracting(InventoryEvent::getStatus)
                .containsExactly(InventoryStatus.RESERVED, InventoryStatus.RELEASED);
        assertThat(commands()).isEmpty();
    }

    @Test
    void aCancellationWhileAnAnswerIsMissingReleasesEveryLineThatMayBeHeldAtOnce() {
        process("o-2", order("o-2", "SKU-1", 2, "SKU-2", 1));
        process("o-2", reserved("o-2", 0, "SKU-1", 2));
        // Line 1's answer was dead-lettered: it never arrives, but its stock may well be held.
        context.resetForwards();

        process("o-2", cancelled("o-2"));

        assertThat(commands()).extracting(LineCommand::kind, LineCommand::line, LineCommand::sku)
                .containsExactly(tuple(LineCommand.Kind.RELEASE, 0, "SKU-1"),
                        tuple(LineCommand.Kind.RELEASE, 1, "SKU-2"));
        assertThat(events()).isEmpty();
    }

    @Test
    void aRepeatedAnswerForALineIsIgnored() {
        process("o-1", order("o-1", "SKU-1", 2, "SKU-2", 1));
        process("o-1", reserved("o-1", 0, "SKU-1", 2));
        process("o-1", reserved("o-1", 0, "SKU-1", 2));
        context.resetForwards();

        process("o-1", new LineResult(LineCommand.Kind.RESERVE, "o-1", 1, "SKU-2", 1, LineOutcome.INSUFFICIENT_STOCK, 0L));
        process("o-1", new LineResult(LineCommand.Kind.RESERVE, "o-1", 1, "SKU-2", 1, LineOutcome.INSUFFICIENT_STOCK, 0L));

        assertThat(events()).extracting(InventoryEvent::getStatus).containsExactly(InventoryStatus.REJECTED);
        assertThat(commands()).extracting(LineCommand::kind, LineCommand::line)
                .containsExactly(tuple(LineCommand.Kind.RELEASE, 0));
    }

    private void process(String key, Object value) {
        coordinator.process(new Record<>(key, value, 0L));
    }

    private List<LineCommand> commands() {
        return context.forwarded(OrderCoordinator.COMMANDS_SINK).stream()
                .map(forward -> (LineCommand) forward.record().value()).toList();
    }

    private List<InventoryEvent> events() {
        return context.forwarded(OrderCoordinator.EVENTS_SINK).stream()
                .map(forward -> (InventoryEvent) forward.record().value()).toList();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static LineResult reserved(String orderId, int line, String sku, int quantity) {
        return new LineResult(LineCommand.Kind.RESERVE, orderId, line, sku, quantity, LineOutcome.RESERVED, 5L);
    }

    private static OrderStatusChanged cancelled(String orderId) {
        return OrderStatusChanged.newBuilder().setEventId("e-" + orderId).setOrderId(orderId)
                .setStatus(OrderStatus.CANCELLED).setReason("payment declined")
                .setOccurredAt(java.time.Instant.EPOCH).build();
    }

    private static OrderCreated order(String orderId, Object... skuQuantityPairs) {
        List<LineItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < skuQuantityPairs.length; i += 2) {
            items.add(new LineItem((String) skuQuantityPairs[i], (Integer) skuQuantityPairs[i + 1], 100L));
        }
        return OrderCreated.newBuilder().setEventId("e-" + orderId).setOrderId(orderId).setCustomerId("c")
                .setCreatedAt(java.time.Instant.EPOCH).setCurrency("EUR").setItems(items).setTotalMinor(0)
                .setPaymentToken("tok").build();
    }
}
