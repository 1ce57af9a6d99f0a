package io.fastship.chaos.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryLine;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.LineOutcome;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.events.StockAdjusted;

/** Builds the evidence of a run by hand, one event at a time, each a second after the last. */
final class Story {

    static final Instant T0 = Instant.parse("2026-12-01T20:00:00Z");

    private long clock;
    private final List<Seen<OrderCreated>> orders = new ArrayList<>();
    private final List<Seen<OrderStatusChanged>> statuses = new ArrayList<>();
    private final List<Seen<PaymentEvent>> payments = new ArrayList<>();
    private final List<Seen<InventoryEvent>> inventory = new ArrayList<>();
    private final List<Seen<StockAdjusted>> stock = new ArrayList<>();
    private final List<DeadLetterSeen> deadLetters = new ArrayList<>();
    private final List<AcceptedOrder> accepted = new ArrayList<>();
    private final Set<String> poison = new HashSet<>();
    private final Map<String, Ledger.Entry> ledger = new HashMap<>();
    private final Map<String, StockLevels.Level> levels = new HashMap<>();
    private final Map<String, OrderCreated> byId = new HashMap<>();
    private final Set<String> watched = new HashSet<>();
    private final List<Told> told = new ArrayList<>();
    private boolean withLedger;
    private boolean withLevels;

    Instant tick() {
        return T0.plusSeconds(++clock);
    }

    /** Lets time pass, e.g. up to an order's deadline. */
    Story pause(long seconds) {
        clock += seconds;
        return this;
    }

    Instant now() {
        return T0.plusSeconds(clock);
    }

    Story seed(String sku, long units) {
        Instant at = tick();
        stock.add(Seen.at(sku, new StockAdjusted(UUID.randomUUID().toString(), sku, AdjustmentMode.SET, units, "seed", at),
                stock.size(), at));
        return this;
    }

    Story order(String orderId, String sku, int quantity, long unitPrice) {
        Instant at = tick();
        OrderCreated order = new OrderCreated(UUID.randomUUID().toString(), orderId, "c-1", at, "EUR",
                List.of(new LineItem(sku, quantity, unitPrice)), quantity * unitPrice, "tok_visa");
        byId.put(orderId, order);
        accepted.add(new AcceptedOrder(orderId, at));
        orders.add(Seen.at(orderId, order, orders.size(), at));
        return this;
    }

    Story status(String orderId, OrderStatus status, String reason) {
        return status(orderId, status, reason, null);
    }

    /** A status event carrying the payment outcome known at that moment. */
    Story status(String orderId, OrderStatus status, String reason, PaymentStatus payment) {
        Instant at = tick();
        statuses.add(Seen.at(orderId, new OrderStatusChanged(UUID.randomUUID().toString(), orderId, status, reason,
                payment, null, at), statuses.size(), at));
        return this;
    }

    Story payment(String orderId, PaymentStatus status) {
        Instant at = tick();
        payments.add(Seen.at(orderId, new PaymentEvent(UUID.randomUUID().toString(), orderId, status,
                byId.get(orderId).getTotalMinor(), "EUR", null, null, at), payments.size(), at));
        return this;
    }

    Story inventory(String orderId, InventoryStatus status) {
        Instant at = tick();
        LineOutcome outcome = switch (status) {
            case RESERVED -> LineOutcome.RESERVED;
            case RELEASED -> LineOutcome.RELEASED;
            case REJECTED -> LineOutcome.INSUFFICIENT_STOCK;
        };
        List<InventoryLine> lines = byId.get(orderId).getItems().stream()
                .map(item -> new InventoryLine(item.getSku(), item.getQuantity(), outcome, null)).toList();
        inventory.add(Seen.at(orderId, new InventoryEvent(UUID.randomUUID().toString(), orderId, status, lines, null, at),
                inventory.size(), at));
        return this;
    }

    /** The happy path of one order: reserved, authorized, confirmed, and the gateway charged its total. */
    Story confirmed(String orderId, String sku, int quantity, long unitPrice) {
        order(orderId, sku, quantity, unitPrice);
        inventory(orderId, InventoryStatus.RESERVED).payment(orderId, PaymentStatus.AUTHORIZED);
        status(orderId, OrderStatus.CONFIRMED, null);
        return charged(orderId, (long) quantity * unitPrice, 0);
    }

    Story charged(String orderId, long charged, long refunded) {
        withLedger = true;
        ledger.put(orderId, new Ledger.Entry(charged, refunded));
        return this;
    }

    Story noLedger() {
        withLedger = false;
        return this;
    }

    Story serviceCounts(String sku, long available, long reserved) {
        withLevels = true;
        levels.put(sku, new StockLevels.Level(available, reserved));
        return this;
    }

    Story poison(String key, String... deadLetterTopics) {
        poison.add(key);
        for (String topic : deadLetterTopics) {
            deadLetter(topic, key);
        }
        return this;
    }

    Story deadLetter(String topic, String key) {
        deadLetters.add(new DeadLetterSeen(topic, key, "orders", "not Avro", tick()));
        return this;
    }

    /** A watching client was told {@code status} of the order now. */
    Story told(String orderId, String status) {
        watched.add(orderId);
        told.add(new Told(orderId, status, tick()));
        return this;
    }

    AuditInput input() {
        Evidence evidence = new Evidence(orders, statuses, payments, inventory, stock, deadLetters, Map.of());
        Ledger books = orderId -> ledger.getOrDefault(orderId, new Ledger.Entry(0, 0));
        StockLevels counts = sku -> Optional.ofNullable(levels.get(sku));
        return new AuditInput(evidence, accepted, poison, withLedger ? Optional.of(books) : Optional.empty(),
                withLevels ? Optional.of(counts) : Optional.empty(), new ClientsTold(watched, told));
    }

    AuditResult audit() {
        return new Auditor().audit(input());
    }

    List<AcceptedOrder> accepted() {
        return accepted;
    }
}
