package io.fastship.console.topics;

import io.fastship.console.http.ProblemException;
import java.util.regex.Pattern;

/** Checks names from the URL before they reach the cluster, so a typo gets a 400 that says what is allowed. */
public final class Names {

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Names() {
    }

    public static String topic(String name) {
        if (name == null || !TOPIC.matcher(name).matches()) {
            throw ProblemException.badRequest("'" + shorten(name) + "' is not a topic name: use 1..249 letters, "
                    + "digits, '.', '_' or '-'");
        }
        return name;
    }

    public static String orderId(String id) {
        String value = id == null ? "" : id.strip();
        if (!ORDER_ID.matcher(value).matches()) {
            throw ProblemException.badRequest("'" + shorten(value) + "' is not an order id: use 1..128 letters, "
                    + "digits, '-', '_', '.' or ':'");
        }
        return value;
    }

    public static int limit(String text, int fallback, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw ProblemException.badRequest("limit must be a number from 1 to " + max + ", was '" + shorten(text) + "'");
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
