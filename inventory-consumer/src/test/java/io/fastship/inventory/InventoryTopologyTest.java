package io.fastship.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryLine;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineOutcome;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.inventory.stock.StockLevel;
import io.fastship.platform.deadletter.DeadLetterHeaders;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InventoryTopologyTest {

    private final InventoryDriver inventory = new InventoryDriver();

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void singleLineOrderIsReservedAndItsUnitsMoveFromAvailableToReserved() {
        inventory.set("SKU-1", 10);

        inventory.order("o-1", "SKU-1", 3);

        InventoryEvent event = single(inventory.events());
        assertThat(event.getOrderId()).isEqualTo("o-1");
        assertThat(event.getStatus()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(event.getReason()).isNull();
        assertThat(event.getLines()).containsExactly(new InventoryLine("SKU-1", 3, LineOutcome.RESERVED, 7L));
        assertThat(event.getOccurredAt()).isEqualTo(InventoryDriver.NOW);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(7, 3));
        assertThat(inventory.counter("fastship.inventory.reservations")).isEqualTo(1.0);
    }

    @Test
    void multiLineOrderIsReservedWhenEveryLineIsWithLinesInOrderLineOrder() {
        inventory.set("SKU-1", 10);
        inventory.set("SKU-2", 5);
        inventory.set("SKU-3", 1);

        inventory.order("o-1", "SKU-2", 5, "SKU-1", 2, "SKU-3", 1);

        InventoryEvent event = single(inventory.events());
        assertThat(event.getStatus()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(event.getLines()).extracting(InventoryLine::getSku).containsExactly("SKU-2", "SKU-1", "SKU-3");
        assertThat(event.getLines()).extracting(InventoryLine::getOutcome).containsOnly(LineOutcome.RESERVED);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(8, 2));
        assertThat(inventory.level("SKU-2")).isEqualTo(new StockLevel(0, 5));
        assertThat(inventory.level("SKU-3")).isEqualTo(new StockLevel(0, 1));
    }

    @Test
    void twoLinesOfTheSameSkuAreBothTakenFromIt() {
        inventory.set("SKU-1", 5);

        inventory.order("o-1", "SKU-1", 2, "SKU-1", 3);

        assertThat(single(inventory.events()).getStatus()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(0, 5));
    }

    @Test
    void insufficientStockOnOneLineRejectsTheOrderAndGivesBackTheOtherLines() {
        inventory.set("SKU-1", 10);
        inventory.set("SKU-2", 2);
        inventory.set("SKU-3", 4);

        inventory.order("o-1", "SKU-1", 4, "SKU-2", 3, "SKU-3", 4);

        InventoryEvent event = single(inventory.events());
        assertThat(event.getStatus()).isEqualTo(InventoryStatus.REJECTED);
        assertThat(event.getReason()).isEqualTo("insufficient stock for SKU-2 (requested 3, available 2)");
        assertThat(event.getLines()).extracting(InventoryLine::getOutcome)
                .containsExactly(LineOutcome.RELEASED, LineOutcome.INSUFFICIENT_STOCK, LineOutcome.RELEASED);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(10, 0));
        assertThat(inventory.level("SKU-2")).isEqualTo(new StockLevel(2, 0));
        assertThat(inventory.level("SKU-3")).isEqualTo(new StockLevel(4, 0));
        assertThat(inventory.counter("fastship.inventory.rejections")).isEqualTo(1.0);
    }

    @Test
    void aRejectedOrderLeavesTheStockForTheNextOrder() {
        inventory.set("SKU-1", 3);
        inventory.set("SKU-2", 0);

        inventory.order("o-1", "SKU-1", 3, "SKU-2", 1);
        inventory.order("o-2", "SKU-1", 3);

        List<InventoryEvent> events = inventory.events();
        assertThat(events).extracting(InventoryEvent::getStatus)
                .containsExactly(InventoryStatus.REJECTED, InventoryStatus.RESERVED);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(0, 3));
    }

    @Test
    void unknownSkuRejectsTheOrderNamingEverySkuThatFailed() {
        inventory.set("SKU-1", 1);

        inventory.order("o-1", "SKU-1", 1, "SKU-404", 1, "SKU-1", 1);

        InventoryEvent event = single(inventory.events());
        assertThat(event.getStatus()).isEqualTo(InventoryStatus.REJECTED);
        assertThat(event.getReason())
                .isEqualTo("unknown SKU SKU-404; insufficient stock for SKU-1 (requested 1, available 0)");
        assertThat(event.getLines().get(1)).isEqualTo(new InventoryLine("SKU-404", 1, LineOutcome.UNKNOWN_SKU, null));
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(1, 0));
        assertThat(inventory.level("SKU-404")).isNull();
    }

    @Test
    void theSameOrderTwiceIsReservedOnceAndDecidedOnce() {
        inventory.set("SKU-1", 10);
        OrderCreated order = inventory.order("o-1", "SKU-1", 4);

        inventory.pipe(order);
        inventory.pipe(InventoryDriver.orderCreated("o-1", "SKU-1", 6));

        assertThat(single(inventory.events()).getStatus()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(6, 4));
        assertThat(inventory.counter("fastship.inventory.duplicate.orders")).isEqualTo(2.0);
    }

    @Test
    void cancellingAReservedOrderReleasesItsStockOnce() {
        inventory.set("SKU-1", 10);
        inventory.set("SKU-2", 10);
        inventory.order("o-1", "SKU-1", 4, "SKU-2", 1);
        inventory.events();

        inventory.cancel("o-1", "payment declined");
        inventory.cancel("o-1", "payment declined");

        InventoryEvent released = single(inventory.events());
        assertThat(released.getStatus()).isEqualTo(InventoryStatus.RELEASED);
        assertThat(released.getReason()).isEqualTo("order cancelled: payment declined");
        assertThat(released.getLines()).extracting(InventoryLine::getOutcome).containsOnly(LineOutcome.RELEASED);
                assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(10, 0));
        assertThat(inventory.level("SKU-2")).isEqualTo(new StockLevel(10, 0));
        assertThat(inventory.counter("fastship.inventory.releases")).isEqualTo(1.0);
    }

    @Test
    void cancellingARejectedOrderOrAnotherStatusChangesNothing() {
        inventory.set("SKU-1", 1);
        inventory.order("o-1", "SKU-1", 2);
        inventory.order("o-2", "SKU-1", 1);
        inventory.events();

        inventory.cancel("o-1", "out of stock");
        inventory.status("o-2", OrderStatus.CONFIRMED, null);
        inventory.status("o-2", OrderStatus.PENDING, null);

        assertThat(inventory.events()).isEmpty();
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(0, 1));
    }

    @Test
    void anOrderCancelledBeforeItArrivesNeverTakesStock() {
        inventory.set("SKU-1", 5);

        inventory.cancel("o-1", "timeout");
        inventory.order("o-1", "SKU-1", 2);

        InventoryEvent event = single(inventory.events());
        assertThat(event.getStatus()).isEqualTo(InventoryStatus.REJECTED);
        assertThat(event.getReason()).isEqualTo("order was cancelled before its stock was reserved: timeout");
        assertThat(event.getLines()).extracting(InventoryLine::getOutcome).containsOnly(LineOutcome.NOT_RESERVED);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(5, 0));
    }

    @Test
    void stockAdjustmentsSetAndAddAvailableUnitsAndKeepReservedOnesHeld() {
        inventory.adjust("SKU-1", AdjustmentMode.ADD, 4);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(4, 0));

        inventory.adjust("SKU-1", AdjustmentMode.ADD, 6);
        inventory.order("o-1", "SKU-1", 3);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(7, 3));

        inventory.adjust("SKU-1", AdjustmentMode.ADD, -2);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(5, 3));

        inventory.set("SKU-1", 20);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(20, 3));

        inventory.cancel("o-1", null);
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(23, 0));
        assertThat(inventory.deadLetters()).isEmpty();
    }

    @Test
    void anAdjustmentThatWouldMakeStockNegativeIsDeadLetteredAndChangesNothing() {
        inventory.set("SKU-1", 2);

        inventory.adjust("SKU-1", AdjustmentMode.ADD, -3);
        inventory.set("SKU-2", -1);
        inventory.set("SKU-3", 1);

        var letters = inventory.deadLetters();
        assertThat(letters).hasSize(2);
        assertThat(header(letters.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("ADD -3 to SKU-1 would leave -1 available");
        assertThat(header(letters.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("stock");
        assertThat(header(letters.get(1).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("cannot SET stock of SKU-2 to -1");
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(2, 0));
        assertThat(inventory.level("SKU-2")).isNull();
        assertThat(inventory.level("SKU-3")).isEqualTo(new StockLevel(1, 0));
    }

    @Test
    void undecodableAndMalformedOrdersAreDeadLetteredAndTheNextOrderIsServed() {
        inventory.set("SKU-1", 5);

        inventory.pipeRawOrder("o-1", "not avro".getBytes(StandardCharsets.UTF_8));
        inventory.order("o-2", "SKU-1", 0);
        inventory.pipeOrderWithKey("wrong-key", InventoryDriver.orderCreated("o-3", "SKU-1", 1));
        inventory.order("o-4", "SKU-1", 5);

        // TopologyTestDriver does not capture the dead letters of the deserialization handler; the IT checks those.
        var letters = inventory.deadLetters();
        assertThat(letters).extracting(letter -> header(letter.headers(), DeadLetterHeaders.ERROR_STAGE))
                .containsExactly("processing", "processing");
        assertThat(header(letters.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("order o-2 asks for 0 units of SKU-1");
        assertThat(header(letters.get(1).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("record key 'wrong-key' is not its orderId 'o-3'");
        assertThat(single(inventory.events()).getOrderId()).isEqualTo("o-4");
        assertThat(inventory.level("SKU-1")).isEqualTo(new StockLevel(0, 5));
    }

    private static InventoryEvent single(List<InventoryEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
