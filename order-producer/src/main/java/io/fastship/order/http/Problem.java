package io.fastship.order.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fastship.order.intake.FieldError;
import io.javalin.http.HttpStatus;

/**
 * An RFC 9457 problem detail: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, and for
 * invalid input an {@code errors} extension listing each offending member as {@code {pointer, field, detail}}.
 */
public record Problem(String type, HttpStatus status, String title, String detail, List<FieldError> errors,
                      Map<String, Object> extensions) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:fastship:problem:";

    public Problem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    public Problem(String type, HttpStatus status, String title, String detail, List<FieldError> errors) {
        this(type, status, title, detail, errors, Map.of());
    }

    /** This problem with one more member, e.g. the current prices of a 409. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, status, title, detail, errors, more);
    }

    public static Problem of(String slug, HttpStatus status, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, status, title, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + "invalid-order", HttpStatus.BAD_REQUEST, "Invalid order", detail, errors);
    }

    public Map<String, Object> toJson(String instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("title", title);
        json.put("status", status.getCode());
        json.put("detail", detail);
        json.put("instance", instance);
        if (!errors.isEmpty()) {
            json.put("errors", errors.stream().map(error -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("pointer", error.pointer());
                entry.put("field", error.field());
                entry.put("detail", error.detail());
                return entry;
            }).toList());
        }
        json.putAll(extensions);
        return json;
    }
}
