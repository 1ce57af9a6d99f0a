package io.fastship.inventory.stock;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.LineOutcome;
import io.fastship.events.StockAdjusted;
import io.fastship.inventory.line.LineCommand;
import io.fastship.inventory.line.LineResult;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of the stock of the SKUs of one partition. It reads stock adjustments and line commands, both
 * keyed by SKU, so every decision about a SKU is taken by one task on one instance, in log order: no two
 * instances can promise the same unit. Each line's outcome is remembered, which makes repeated commands harmless.
 */
public final class StockKeeper implements Processor<String, Object, String, LineResult> {

    /** Store of {@link StockLevel} by SKU, answered over HTTP. */
    public static final String STOCK_STORE = "stock";
    /** Store of {@link LineReservation} by order line ({@link LineCommand#lineKey()}). */
    public static final String RESERVATIONS_STORE = "line-reservations";

    private ProcessorContext<String, LineResult> context;
    private KeyValueStore<String, StockLevel> stock;
    private KeyValueStore<String, LineReservation> reservations;

    @Override
    public void init(ProcessorContext<String, LineResult> context) {
        this.context = context;
        this.stock = context.getStateStore(STOCK_STORE);
        this.reservations = context.getStateStore(RESERVATIONS_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof StockAdjusted adjustment) {
            adjust(record.key(), adjustment);
        } else if (record.value() instanceof LineCommand command) {
            decide(record, command);
        } else {
            throw new IllegalArgumentException("unexpected record " + describe(record.value()));
        }
    }

    private void adjust(String key, StockAdjusted adjustment) {
        String sku = adjustment.getSku();
        // The key decides the partition, and so the owner: a key that is not the SKU would split a SKU's stock.
        if (!sku.equals(key)) {
            throw new IllegalArgumentException("stock record key '" + key + "' is not its SKU '" + sku + "'");
        }
        StockLevel current = stock.get(sku);
        long quantity = adjustment.getQuantity();
        StockLevel next;
        if (adjustment.getMode() == AdjustmentMode.SET) {
            if (quantity < 0) {
                throw new IllegalArgumentException("cannot SET stock of " + sku + " to " + quantity);
            }
            next = current == null ? StockLevel.of(quantity) : current.withAvailable(quantity);
        } else {
            long base = current == null ? 0 : current.available();
            if (base + quantity < 0) {
                throw new IllegalArgumentException("ADD " + quantity + " to " + sku + " would leave "
                        + (base + quantity) + " available");
            }
            next = current == null ? StockLevel.of(quantity) : current.withAvailable(base + quantity);
        }
        stock.put(sku, next);
    }

    private void decide(Record<String, Object> record, LineCommand command) {
        if (!command.sku().equals(record.key())) {
            throw new IllegalArgumentException("line command key '" + record.key() + "' is not its SKU '"
                    + command.sku() + "'");
        }
        if (command.kind() == LineCommand.Kind.FORGET) {
            // The order closed a retention ago (the coordinator says so): its line's memory goes, as a tombstone.
            reservations.delete(command.lineKey());
            return;
        }
        LineReservation before = reservations.get(command.lineKey());
        LineResult result = command.kind() == LineCommand.Kind.RESERVE ? reserve(command, before)
                : release(command, before);
        context.forward(record.withKey(command.orderId()).withValue(result));
    }

    private LineResult reserve(LineCommand command, LineReservation before) {
        StockLevel level = stock.get(command.sku());
        Long available = level == null ? null : level.available();
        if (before != null) {
            return LineResult.to(command, before.outcome(), available);
        }
        LineOutcome outcome;
        if (level == null) {
            outcome = LineOutcome.UNKNOWN_SKU;
        } else if (!level.canReserve(command.quantity())) {
            outcome = LineOutcome.INSUFFICIENT_STOCK;
        } else {
            level = level.reserve(command.quantity());
            stock.put(command.sku(), level);
            available = level.available();
            outcome = LineOutcome.RESERVED;
        }
        reservations.put(command.lineKey(), new LineReservation(outcome, command.quantity()));
        return LineResult.to(command, outcome, available);
    }

    private LineResult release(LineCommand command, LineReservation before) {
        StockLevel level = stock.get(command.sku());
        if (before == null) {
            reservations.put(command.lineKey(), new LineReservation(LineOutcome.NOT_RESERVED, command.quantity()));
            return LineResult.to(command, LineOutcome.NOT_RESERVED, level == null ? null : level.available());
        }
        if (before.outcome() != LineOutcome.RESERVED) {
            LineOutcome answer = before.outcome() == LineOutcome.RELEASED ? LineOutcome.RELEASED
                    : LineOutcome.NOT_RESERVED;
            return LineResult.to(command, answer, level == null ? null : level.available());
        }
        // A reserved line always has a stock level: levels are never deleted.
        level = level.release(before.quantity());
        stock.put(command.sku(), level);
        reservations.put(command.lineKey(), new LineReservation(LineOutcome.RELEASED, before.quantity()));
        return LineResult.to(command, LineOutcome.RELEASED, level.available());
    }

    private static String describe(Object value) {
        return value == null ? "with no value" : "of type " + value.getClass().getName();
    }
}
