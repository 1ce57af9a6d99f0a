package io.fastship.order.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fastship.order.intake.FieldError;
import io.javalin.http.HttpStatus;

/** Parses {@code ?waitForFinal=}: {@code 500ms}, {@code 10s}, {@code 1m}, or ISO-8601 ({@code PT10S}), up to a cap. */
public final class WaitParameter {

    public static final String NAME = "waitForFinal";
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private WaitParameter() {
    }

    public static Duration parse(String text, Duration max) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        Duration wait = parseOrNull(text.strip());
        if (wait == null || wait.isNegative()) {
            throw invalid("must be a duration like 500ms, 10s or PT10S");
        }
        if (wait.compareTo(max) > 0) {
            throw invalid("must be at most " + max);
        }
        return wait;
    }

    private static Duration parseOrNull(String text) {
        Matcher simple = SIMPLE.matcher(text.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "s" : simple.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(new Problem("urn:fastship:problem:invalid-query", HttpStatus.BAD_REQUEST,
                "Invalid query parameter", NAME + " " + detail,
                java.util.List.of(new FieldError("", NAME + " " + detail))));
    }
}
