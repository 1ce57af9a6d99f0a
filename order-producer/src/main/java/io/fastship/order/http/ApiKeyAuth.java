package io.fastship.order.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Optional API-key check for order submission ({@code ORDER_API_KEYS}): a key in {@code X-API-Key} or
 * {@code Authorization: Bearer <key>}. Keys are compared in constant time, so response timing reveals nothing.
 */
public final class ApiKeyAuth {

    private final List<byte[]> keys;

    public ApiKeyAuth(Set<String> keys) {
        this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** Throws a 401 problem unless authentication is off or the request carries a valid key. */
    public void check(Context ctx) {
        if (!enabled()) {
            return;
        }
        String presented = presentedKey(ctx.header("X-API-Key"), ctx.header("Authorization"));
        if (presented == null || !valid(presented)) {
            throw new ProblemException(Problem.of("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized",
                    presented == null ? "an API key is required in X-API-Key or Authorization: Bearer"
                            : "the API key is not valid"),
                    Map.of("WWW-Authenticate", "Bearer realm=\"fastship-orders\""));
        }
    }

    static String presentedKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return apiKeyHeader.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private boolean valid(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            // Check every key, no early exit: the time taken does not depend on which key matched.
            match |= MessageDigest.isEqual(key, bytes);
        }
        return match;
    }
}
