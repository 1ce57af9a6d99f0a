package io.fastship.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.LineOutcome;
import io.fastship.events.StockAdjusted;
import io.fastship.inventory.JsonSerde;
import io.fastship.inventory.line.LineCommand;
import io.fastship.inventory.line.LineResult;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SKU owner alone: repeated and out-of-order commands never move a unit twice. */
class StockKeeperTest {

    private final MockProcessorContext<String, LineResult> context = new MockProcessorContext<>();
    private final StockKeeper keeper = new StockKeeper();
    private KeyValueStore<String, StockLevel> stock;

    @BeforeEach
    void init() {
        stock = store(StockKeeper.STOCK_STORE, StockLevel.class);
        store(StockKeeper.RESERVATIONS_STORE, LineReservation.class);
        keeper.init(context);
        keeper.process(new Record<>("SKU-1", StockAdjusted.newBuilder().setEventId("e").setSku("SKU-1")
                .setMode(AdjustmentMode.SET).setQuantity(5).setOccurredAt(Instant.EPOCH).build(), 0L));
    }

    @Test
    void aRepeatedReserveTakesTheUnitsOnceAndRepeatsTheFirstAnswer() {
        command(LineCommand.Kind.RESERVE, 3);
        command(LineCommand.Kind.RESERVE, 3);

        assertThat(results()).extracting(LineResult::outcome)
                .containsExactly(LineOutcome.RESERVED, LineOutcome.RESERVED);
        assertThat(stock.get("SKU-1")).isEqualTo(new StockLevel(2, 3));
    }

    @Test
    void aRepeatedReleaseGivesTheUnitsBackOnce() {
        command(LineCommand.Kind.RESERVE, 3);
        command(LineCommand.Kind.RELEASE, 3);
        command(LineCommand.Kind.RELEASE, 3);

        assertThat(results()).extracting(LineResult::outcome)
                .containsExactly(LineOutcome.RESERVED, LineOutcome.RELEASED, LineOutcome.RELEASED);
        assertThat(stock.get("SKU-1")).isEqualTo(new StockLevel(5, 0));
    }

    @Test
    void aReleaseBeforeItsReserveStopsTheLateReserveFromTakingUnits() {
        command(LineCommand.Kind.RELEASE, 3);
        command(LineCommand.Kind.RESERVE, 3);

        assertThat(results()).extracting(LineResult::outcome)
                .containsExactly(LineOutcome.NOT_RESERVED, LineOutcome.NOT_RESERVED);
        assertThat(stock.get("SKU-1")).isEqualTo(new StockLevel(5, 0));
    }

    @Test
    void aRefusedLineIsNeitherTakenLaterNorGivenBack() {
        command(LineCommand.Kind.RESERVE, 6);
        command(LineCommand.Kind.RELEASE, 6);

        assertThat(results()).extracting(LineResult::outcome)
                .containsExactly(LineOutcome.INSUFFICIENT_STOCK, LineOutcome.NOT_RESERVED);
        assertThat(results().get(0).available()).isEqualTo(5L);
        assertThat(stock.get("SKU-1")).isEqualTo(new StockLevel(5, 0));
    }

    @Test
    void aCommandKeyedByAnotherSkuIsRefused() {
        LineCommand command = new LineCommand(LineCommand.Kind.RESERVE, "o-1", 0, "SKU-1", 1);

        assertThatThrownBy(() -> keeper.process(new Record<>("SKU-2", command, 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not its SKU");
        assertThat(stock.get("SKU-1")).isEqualTo(new StockLevel(5, 0));
    }

    private void command(LineCommand.Kind kind, int quantity) {
        keeper.process(new Record<>("SKU-1", new LineCommand(kind, "o-1", 0, "SKU-1", quantity), 0L));
    }

    private List<LineResult> results() {
        return context.forwarded().stream().map(forward -> forward.record().value()).map(LineResult.class::cast)
                .toList();
    }

    private <V> KeyValueStore<String, V> store(String name, Class<V> type) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), JsonSerde.of(type)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
