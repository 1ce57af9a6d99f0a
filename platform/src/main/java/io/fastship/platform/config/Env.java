package io.fastship.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validated reads of environment variables. Every failure is a {@link ConfigException} naming the
 * variable and saying what was expected, so a service fails fast at start with a one-line reason.
 */
public final class Env {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment. */
    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigException(name, "is required but not set"));
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int integer(String name, int fallback, int min, int max) {
        return Math.toIntExact(longValue(name, fallback, min, max));
    }

    public long longValue(String name, long fallback, long min, long max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value < min || value > max) {
                throw new ConfigException(name, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number, was '" + text.get() + "'");
        }
    }

    public double decimal(String name, double fallback, double min, double max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (!(value >= min && value <= max)) {
                throw new ConfigException(name, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a number, was '" + text.get() + "'");
        }
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name, "must be true or false, was '" + text.get() + "'");
        };
    }

    /** A duration as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String name, Duration fallback) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration value = parseDuration(text.get())
                .orElseThrow(() -> new ConfigException(name, "must be a duration like 500ms, 30s, 5m or PT30S, was '"
                        + text.get() + "'"));
        if (value.isNegative()) {
            throw new ConfigException(name, "must not be negative, was " + text.get());
        }
        return value;
    }

    /** A duration as {@link #duration} that must also be greater than zero. */
    public Duration positiveDuration(String name, Duration fallback) {
        Duration value = duration(name, fallback);
        if (value.isZero()) {
            throw new ConfigException(name, "must be greater than zero");
        }
        return value;
    }

    /** A comma-separated list, blanks dropped; empty when unset. */
    public List<String> list(String name) {
        return optional(name)
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Every variable whose name starts with {@code prefix}, with the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        e -> e.getKey().substring(prefix.length()), Map.Entry::getValue));
    }

    static Optional<Duration> parseDuration(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(trimmed);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return Optional.of(switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.strip().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
