package io.fastship.order.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fastship.schemas.CurrencyCodes;

/**
 * Turns the body of {@code POST /orders} into a {@link ValidOrder}, or into every {@link FieldError} it has at once,
 * so a client fixes its request in one round trip.
 *
 * <p>Prices are not taken from here: a line's {@code unitPrice} is optional and only what the client expects to pay;
 * {@link OrderPricing} compares it with the catalog and computes the total.
 *
 * <p>The body is read as a tree rather than bound to a class: binding stops at the first problem, and a
 * wrong type (a string quantity) would surface as a Jackson message instead of a pointer and a reason.
 */
public final class OrderRequestParser {

    /** Compiled once: {@code String.matches} compiled it on every request (2.7 % of the service's CPU under load). */

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TOKEN_LENGTH = 512;

    private static final Set<String> ORDER_FIELDS = Set.of("customerId", "currency", "items", "paymentToken");
    private static final Set<String> LINE_FIELDS = Set.of("sku", "quantity", "unitPrice");

    // The body is already capped at 64 KiB; nesting is the remaining way to make parsing expensive.
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** The outcome of parsing: exactly one of {@code order} and a non-empty {@code errors}. */
    public record Result(ValidOrder order, List<FieldError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return order != null;
        }
    }

    /** Parses a body that must name its customer. */
    public Result parse(byte[] body) {
        return parse(body, false);
    }

    /** Parses a body; with {@code customerOptional} (an API key names the customer) {@code customerId} may be absent. */
    public Result parse(byte[] body, boolean customerOptional) {
        JsonNode root;
        try (JsonParser parser = mapper.createParser(body)) {
            root = mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            return invalid(List.of(new FieldError("", "malformed JSON: " + e.getOriginalMessage()
                    + location(e))));
        } catch (IOException e) {
            return invalid(List.of(new FieldError("", "unreadable body: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            return invalid(List.of(new FieldError("", "the body must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        rejectUnknown(root, "", ORDER_FIELDS, errors);
        String customerId = customerOptional && root.path("customerId").isMissingNode() ? null
                : text(root, "customerId", "/customerId", MAX_ID_LENGTH, errors);
        String currency = currency(root, errors);
        String paymentToken = text(root, "paymentToken", "/paymentToken", MAX_TOKEN_LENGTH, errors);
        List<RequestedLine> lines = lines(root, errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        return new Result(new ValidOrder(customerId, currency, lines, paymentToken), List.of());
    }

    private static Result invalid(List<FieldError> errors) {
        return new Result(null, errors);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static void rejectUnknown(JsonNode object, String base, Set<String> known, List<FieldError> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(base + "/" + escape(name), "unknown field; allowed are " + sorted(known)));
            }
        }
    }

    private static String text(JsonNode object, String name, String pointer, int maxLength, List<FieldError> errors) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(pointer, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(pointer, "must be a string"));
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            errors.add(new FieldError(pointer, "must not be blank"));
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(pointer, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(pointer, "must not contain control characters"));
            return null;
        }
        return value;
    }

    private static String currency(JsonNode root, List<FieldError> errors) {
        String code = text(root, "currency", "/currency", 3, errors);
        if (code == null) {
            return null;
        }
        if (!CurrencyCodes.isWellFormed(code)) {
            errors.add(new FieldError("/currency", "must be an ISO-4217 code of three capital letters, e.g. EUR"));
            return null;
        }
        if (!CurrencyCodes.isIso4217(code)) {
            errors.add(new FieldError("/currency", "is not an ISO-4217 currency code"));
            return null;
        }
        return code;
    }

    private static List<RequestedLine> lines(JsonNode root, List<FieldError> errors) {
        JsonNode node = root.get("items");
        if (node == null || node.isNull()) {
            errors.add(new FieldError("/items", "is required"));
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("/items", "must be an array of order lines"));
            return List.of();
        }
        if (node.isEmpty() || node.size() > MAX_LINES) {
            errors.add(new FieldError("/items", "must hold 1 to " + MAX_LINES + " lines, had " + node.size()));
            return List.of();
        }
        List<RequestedLine> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String base = "/items/" + i;
            JsonNode line = node.get(i);
            if (!line.isObject()) {
                errors.add(new FieldError(base, "must be an object with sku, quantity and unitPrice"));
                continue;
            }
            int before = errors.size();
            rejectUnknown(line, base, LINE_FIELDS, errors);
            String sku = text(line, "sku", base + "/sku", MAX_ID_LENGTH, errors);
            Long quantity = whole(line, "quantity", base + "/quantity", 1, MAX_QUANTITY, errors);
            Long unitPrice = line.path("unitPrice").isMissingNode() ? null
                    : whole(line, "unitPrice", base + "/unitPrice", 0, Long.MAX_VALUE, errors);
            if (errors.size() == before) {
                items.add(new RequestedLine(sku, Math.toIntExact(quantity), unitPrice));
            }
        }
        return items;
    }

    private static Long whole(JsonNode object, String name, String pointer, long min, long max,
                              List<FieldError> errors) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(pointer, "is required"));
            return null;
        }
        if (!node.isIntegralNumber()) {
            errors.add(new FieldError(pointer, node.isNumber() ? "must be a whole number (minor units)"
                    : "must be a number"));
            return null;
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            errors.add(new FieldError(pointer, "must be between " + min + " and " + max));
            return null;
        }
        return node.longValue();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().toList().toString();
    }
}
