package io.fastship.schemas.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Typed, validated reads from a Kafka-style {@code Map<String, ?>} of configs.
 *
 * <p>Keys under {@code schema.registry.} (other than {@code schema.registry.url} itself) are also
 * visible without the prefix, and the prefixed spelling wins. Errors name the key the user wrote.
 */
public final class ConfigValues {

    static final String REGISTRY_PREFIX = "schema.registry.";
    static final String URL_KEY = "schema.registry.url";

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> writtenAs = new HashMap<>();

    public ConfigValues(Map<String, ?> configs) {
        configs.forEach((key, value) -> {
            if (value != null && !values.containsKey(key)) {
                values.put(key, value);
                writtenAs.put(key, key);
            }
        });
        configs.forEach((key, value) -> {
            if (value != null && key.startsWith(REGISTRY_PREFIX) && !key.equals(URL_KEY)) {
                String stripped = key.substring(REGISTRY_PREFIX.length());
                values.put(stripped, value);
                writtenAs.put(stripped, key);
            }
        });
    }

    /** The key as the user spelled it, for error messages. */
    public String writtenAs(String key) {
        return writtenAs.getOrDefault(key, key);
    }

    public Optional<Object> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A non-blank string, or empty. */
    public Optional<String> string(String key) {
        return raw(key).map(v -> v.toString().trim()).filter(s -> !s.isEmpty());
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            case "" -> defaultValue;
            default -> throw new ConfigException(writtenAs(key), value, "Expected true or false");
        };
    }

    /** A long that must be at least {@code min}. */
    public long longAtLeast(String key, long defaultValue, long min) {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        long parsed;
        if (value instanceof Number n) {
            parsed = n.longValue();
        } else {
            try {
                parsed = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(writtenAs(key), value, "Expected a whole number");
            }
        }
        if (parsed < min) {
            throw new ConfigException(writtenAs(key), value, "Must be at least " + min);
        }
        return parsed;
    }

    /** A comma-separated string or a collection, as trimmed non-empty items. */
    public List<String> list(String key) {
        Object value = values.get(key);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        Collection<?> parts = value instanceof Collection<?> c ? c : List.of(value.toString().split(","));
        for (Object part : parts) {
            if (part != null && !part.toString().isBlank()) {
                items.add(part.toString().trim());
            }
        }
        return items;
    }
}
