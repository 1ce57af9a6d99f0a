package io.fastship.platform.http;

import java.util.Map;

/** The state of one part of a service, as {@code /health} reports it. */
public record Health(boolean up, String detail) {

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }

    Map<String, Object> toJson() {
        return Map.of("status", up ? "UP" : "DOWN", "detail", detail);
    }
}
