package io.fastship.order.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro form of {@link OrderView} in the state store and its changelog, so the changelog is Confluent-framed
 * Avro like every other topic and its schema evolves under the registry's rules. The schema reuses the event
 * schemas' enums and line type; every field after {@code orderId} is optional, so fields can be added later.
 */
public final class OrderViewCodec {

    /** Version 1 of the stored view. */
    public static final Schema SCHEMA = schema();

    private OrderViewCodec() {
    }

    private static Schema schema() {
        Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        return SchemaBuilder.record("OrderView").namespace("io.fastship.order.state")
                .doc("The order service's read model of one order (state store and changelog).")
                .fields()
                .requiredString("orderId")
                .optionalString("customerId")
                .optionalString("currency")
                .name("items").type().array().items(LineItem.getClassSchema()).arrayDefault(List.of())
                .name("totalMinor").type().longType().longDefault(0)
                .name("status").type().optional().type(OrderStatus.getClassSchema())
                .name("paymentStatus").type().optional().type(PaymentStatus.getClassSchema())
                .optionalString("paymentReason")
                .name("paymentAt").type().optional().type(timestamp)
                .name("inventoryStatus").type().optional().type(InventoryStatus.getClassSchema())
                .optionalString("inventoryReason")
                .name("inventoryAt").type().optional().type(timestamp)
                .optionalString("cancellationReason")
                .name("createdAt").type().optional().type(timestamp)
                .name("deadlineAt").type().optional().type(timestamp)
                .name("updatedAt").type().optional().type(timestamp)
                .name("finalAt").type().optional().type(timestamp)
                .name("version").type().longType().longDefault(0)
                .endRecord();
    }

    public static GenericRecord toAvro(OrderView view) {
        GenericData.Record record = new GenericData.Record(SCHEMA);
        record.put("orderId", view.orderId());
        record.put("customerId", view.customerId());
        record.put("currency", view.currency());
        record.put("items", view.items());
        record.put("totalMinor", view.totalMinor());
        record.put("status", enumSymbol("status", view.status()));
        record.put("paymentStatus", enumSymbol("paymentStatus", view.paymentStatus()));
        record.put("paymentReason", view.paymentReason());
        record.put("paymentAt", millis(view.paymentAt()));
        record.put("inventoryStatus", enumSymbol("inventoryStatus", view.inventoryStatus()));
        record.put("inventoryReason", view.inventoryReason());
        record.put("inventoryAt", millis(view.inventoryAt()));
        record.put("cancellationReason", view.cancellationReason());
        record.put("createdAt", millis(view.createdAt()));
        record.put("deadlineAt", millis(view.deadlineAt()));
        record.put("updatedAt", millis(view.updatedAt()));
        record.put("finalAt", millis(view.finalAt()));
        record.put("version", view.version());
        return record;
    }

    public static OrderView fromAvro(GenericRecord record) {
        List<LineItem> items = new ArrayList<>();
        Object rawItems = record.get("items");
        if (rawItems instanceof List<?> list) {
            for (Object element : list) {
                GenericRecord line = (GenericRecord) element;
                items.add(new LineItem(string(line.get("sku")), ((Number) line.get("quantity")).intValue(),
                        ((Number) line.get("unitPriceMinor")).longValue()));
            }
        }
        return new OrderView(string(record.get("orderId")), string(record.get("customerId")),
                string(record.get("currency")), items, number(record.get("totalMinor")),
                enumValue(OrderStatus.class, record.get("status")),
                enumValue(PaymentStatus.class, record.get("paymentStatus")), string(record.get("paymentReason")),
                instant(record.get("paymentAt")),
                enumValue(InventoryStatus.class, record.get("inventoryStatus")),
                string(record.get("inventoryReason")), instant(record.get("inventoryAt")),
                string(record.get("cancellationReason")), instant(record.get("createdAt")),
                instant(record.get("deadlineAt")), instant(record.get("updatedAt")), instant(record.get("finalAt")),
                number(record.get("version")));
    }

    private static GenericData.EnumSymbol enumSymbol(String field, Enum<?> value) {
        if (value == null) {
            return null;
        }
        Schema union = SCHEMA.getField(field).schema();
        Schema enumSchema = union.getTypes().get(1);
        return new GenericData.EnumSymbol(enumSchema, value.name());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Object symbol) {
        return symbol == null ? null : Enum.valueOf(type, symbol.toString());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant instant ? instant : Instant.ofEpochMilli(((Number) value).longValue());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
