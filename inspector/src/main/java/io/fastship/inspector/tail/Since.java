package io.fastship.inspector.tail;

import io.fastship.inspector.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time given as an age ({@code 10m}: ten minutes before now) or an ISO instant. */
public record Since(Duration age, Instant instant) {

    public static Since parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > 10 && Character.isDigit(value.charAt(0)) && value.contains("T")) {
            try {
                return new Since(null, Instant.parse(value));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid time '" + text + "': use an age like 10m or an ISO "
                        + "instant like 2026-01-31T12:00:00Z");
            }
        }
        return new Since(Durations.parse(value), null);
    }

    /** The instant this stands for, given the current time. */
    public Instant resolve(Instant now) {
        return instant != null ? instant : now.minus(age);
    }

    /** Picocli converter for {@code --since}. */
    public static final class Converter implements ITypeConverter<Since> {
        @Override
        public Since convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
