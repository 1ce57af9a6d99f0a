package io.fastship.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

class StreamsStockLookupTest {

    @Test
    void aStoreThatStopsBeingReadyDuringAReadIsUnavailableNotAnError() {
        // What Streams throws from a store handle's get() while its thread is STARTING after a rebalance.
        InvalidStateStoreException moving = new InvalidStateStoreException(
                "Cannot get state store stock because the stream thread is STARTING, not RUNNING");

        assertThatThrownBy(() -> StreamsStockLookup.whileStoreIsReady(() -> {
            throw moving;
        })).isInstanceOf(StockUnavailableException.class).hasMessageContaining("STARTING").hasCause(moving);
    }

    @Test
    void aReadyStoreAnswers() {
        assertThat(StreamsStockLookup.whileStoreIsReady(() -> 7)).isEqualTo(7);
    }
}
