package io.fastship.order.view;

import java.time.Instant;
import java.util.List;

import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;

/**
 * What the service knows about one order: its content, its status and the outcomes that decided it.
 *
 * <p>{@code status} is null while only outcomes are known (they overtook the {@code OrderCreated}); such a view
 * is not an order yet and is not shown to clients. {@code version} counts the status events emitted for the order
 * and makes their event ids deterministic.
 */
public record OrderView(String orderId, String customerId, String currency, List<LineItem> items, long totalMinor,
                        OrderStatus status, PaymentStatus paymentStatus, String paymentReason,
                        Instant paymentAt, InventoryStatus inventoryStatus, String inventoryReason, Instant inventoryAt,
                        String cancellationReason, Instant createdAt, Instant deadlineAt, Instant updatedAt,
                        Instant finalAt, long version) {

    public OrderView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A view holding nothing but the order id, before any event. */
    public static OrderView empty(String orderId) {
        return new OrderView(orderId, null, null, List.of(), 0, null, null, null, null, null, null, null, null, null,
                null, null, null, 0);
    }

    /** True once the {@code OrderCreated} was folded in. */
    public boolean known() {
        return status != null;
    }

    /** CONFIRMED and CANCELLED never change again. */
    public boolean isFinal() {
        return isFinal(status);
    }

    /** Whether {@code status} is one that never changes again (CONFIRMED, CANCELLED). */
    public static boolean isFinal(OrderStatus status) {
        return status == OrderStatus.CONFIRMED || status == OrderStatus.CANCELLED;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a view with some fields changed; the fold's only way to make a new view. */
    public static final class Builder {
        private final OrderView from;
        private String customerId;
        private String currency;
        private List<LineItem> items;
        private long totalMinor;
        private OrderStatus status;
        private PaymentStatus paymentStatus;
        private String paymentReason;
        private Instant paymentAt;
        private InventoryStatus inventoryStatus;
        private String inventoryReason;
        private Instant inventoryAt;
        private String cancellationReason;
        private Instant createdAt;
        private Instant deadlineAt;
        private Instant updatedAt;
        private Instant finalAt;
        private long version;

        private Builder(OrderView view) {
            from = view;
            customerId = view.customerId;
            currency = view.currency;
            items = view.items;
            totalMinor = view.totalMinor;
            status = view.status;
            paymentStatus = view.paymentStatus;
            paymentReason = view.paymentReason;
            paymentAt = view.paymentAt;
            inventoryStatus = view.inventoryStatus;
            inventoryReason = view.inventoryReason;
            inventoryAt = view.inventoryAt;
            cancellationReason = view.cancellationReason;
            createdAt = view.createdAt;
            deadlineAt = view.deadlineAt;
            updatedAt = view.updatedAt;
            finalAt = view.finalAt;
            version = view.version;
        }

        public Builder order(String newCustomerId, String newCurrency, List<LineItem> newItems, long newTotal,
                             Instant newCreatedAt, Instant newDeadlineAt) {
            customerId = newCustomerId;
            currency = newCurrency;
            items = newItems;
            totalMinor = newTotal;
            createdAt = newCreatedAt;
            deadlineAt = newDeadlineAt;
            return this;
        }

        public Builder status(OrderStatus newStatus) {
            status = newStatus;
            return this;
        }

        public Builder payment(PaymentStatus newStatus, String reason, Instant at) {
            paymentStatus = newStatus;
            paymentReason = reason;
            paymentAt = at;
            return this;
        }

        public Builder inventory(InventoryStatus newStatus, String reason, Instant at) {
            inventoryStatus = newStatus;
            inventoryReason = reason;
            inventoryAt = at;
            return this;
        }

        public Builder cancellationReason(String reason) {
            cancellationReason = reason;
            return this;
        }

        public Builder updatedAt(Instant at) {
            updatedAt = at;
            return this;
        }

        public Builder finalAt(Instant at) {
            finalAt = at;
            return this;
        }

        public Builder version(long newVersion) {
            version = newVersion;
            return this;
        }

        public OrderView build() {
            return new OrderView(from.orderId, customerId, currency, items, totalMinor, status,
                    paymentStatus, paymentReason, paymentAt, inventoryStatus, inventoryReason, inventoryAt,
                    cancellationReason, createdAt, deadlineAt, updatedAt, finalAt, version);
        }
    }
}
