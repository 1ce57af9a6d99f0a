package io.fastship.order.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.fastship.order.security.ApiKeys;
import io.fastship.order.security.Hmac;
import io.fastship.order.security.OrderSecurity;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Authenticates every request before its route runs (deny by default): {@code /health*} is open, {@code /metrics}
 * needs {@code ORDER_METRICS_KEY} or a loopback caller, every other path a customer's API key in {@code X-API-Key}
 * or {@code Authorization: Bearer}. The customer the key belongs to is put on the request for the handlers to
 * scope by ({@link #customer(Context)}). Another instance forwarding a query proves itself with {@link #PEER_HEADER},
 * an HMAC of the shared {@code ORDER_ID_SECRET}; the forwarding instance, which knows the caller, does the scoping.
 * Keys are never logged nor echoed.
 */
public final class ApiKeyAuth {

    public static final String PEER_HEADER = "X-FastShip-Peer";
    private static final String CUSTOMER = "fastship.customer";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"fastship-orders\"");

    private final OrderSecurity security;
    private final byte[] peerToken;

    public ApiKeyAuth(OrderSecurity security) {
        this.security = security;
        this.peerToken = new Hmac(security.idSecret()).of("fastship-peer-v1");
    }

    /** Open: no authentication at all (tests, {@code ORDER_AUTH=none}). */
    public static ApiKeyAuth open() {
        return new ApiKeyAuth(OrderSecurity.open());
    }

    public boolean enabled() {
        return !security.authDisabled();
    }

    /** The header value that authenticates this instance to the others (they share the secret). */
    public Map<String, String> peerHeaders() {
        return Map.of(PEER_HEADER, Base64.getUrlEncoder().withoutPadding().encodeToString(peerToken));
    }

    /** The customer the request is scoped to; empty when it is not scoped (auth off, or a peer instance). */
    public static Optional<String> customer(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CUSTOMER));
    }

    /** The before-handler: throws a 401 problem unless the request may reach its route. */
    public void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.equals("/health") || path.startsWith("/health/")) {
            return;
        }
        if (path.equals("/metrics")) {
            checkMetrics(ctx);
            return;
        }
        if (!enabled() || isPeer(ctx.header(PEER_HEADER))) {
            return;
        }
        String presented = presentedKey(ctx.header("X-API-Key"), ctx.header("Authorization"));
        Optional<String> customer = presented == null ? Optional.empty() : security.apiKeys().customerOf(presented);
        if (customer.isEmpty()) {
            throw unauthorized(presented == null ? "an API key is required in X-API-Key or Authorization: Bearer"
                    : "the API key is not valid");
        }
        ctx.attribute(CUSTOMER, customer.get());
    }

    private void checkMetrics(Context ctx) {
        if (security.metricsKeyHash().isPresent()) {
            String presented = presentedKey(ctx.header("X-Metrics-Key"), ctx.header("Authorization"));
            if (presented == null
                    || !MessageDigest.isEqual(security.metricsKeyHash().get(), ApiKeys.sha256(presented))) {
                throw unauthorized("/metrics needs ORDER_METRICS_KEY in X-Metrics-Key or Authorization: Bearer");
            }
        } else if (enabled() && !loopback(ctx.req().getRemoteAddr())) {
            throw new ProblemException(Problem.of("forbidden", HttpStatus.FORBIDDEN, "Forbidden",
                    "/metrics answers loopback callers only unless ORDER_METRICS_KEY is set"));
        }
    }

    private boolean isPeer(String header) {
        if (header == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(peerToken, presented);
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized", detail),
                CHALLENGE);
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
}
