package io.fastship.order.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.order.view.OrderView;

/** The JSON shape of an order for {@code GET /orders/{id}} and its event stream. */
public final class OrderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderJson() {
    }

    public static Map<String, Object> of(OrderView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", view.orderId());
        json.put("customerId", view.customerId());
        json.put("status", view.status().name());
        json.put("currency", view.currency());
        json.put("totalMinor", view.totalMinor());
        List<Map<String, Object>> items = view.items().stream().map(item -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", item.getSku());
            line.put("quantity", item.getQuantity());
            line.put("unitPrice", item.getUnitPriceMinor());
            return line;
        }).toList();
        json.put("items", items);
        json.put("payment", outcome(view.paymentStatus() == null ? null : view.paymentStatus().name(),
                view.paymentReason(), view.paymentAt()));
        json.put("inventory", outcome(view.inventoryStatus() == null ? null : view.inventoryStatus().name(),
                view.inventoryReason(), view.inventoryAt()));
        json.put("cancellationReason", view.cancellationReason());
        json.put("createdAt", text(view.createdAt()));
        json.put("deadlineAt", text(view.deadlineAt()));
        json.put("updatedAt", text(view.updatedAt()));
        json.put("finalAt", text(view.finalAt()));
        return json;
    }

    public static String text(OrderView view) {
        return write(of(view));
    }

    public static String write(Object json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }

    private static Map<String, Object> outcome(String status, String reason, Instant at) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("reason", reason);
        json.put("at", text(at));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
