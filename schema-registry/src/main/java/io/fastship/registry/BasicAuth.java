package io.fastship.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * HTTP basic auth in front of every registry route but {@code GET /} (it reveals nothing and tells the launcher
 * the registry is up). A request without valid credentials gets 401 with an RFC 9457 problem body that also
 * carries the {@code error_code}/{@code message} Confluent clients read. Passwords are compared by their SHA-256
 * in constant time, and never logged.
 */
final class BasicAuth {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNAUTHORIZED = 401;

    private final Map<String, byte[]> passwordHashes = new HashMap<>();

    BasicAuth(Map<String, String> users) {
        users.forEach((user, password) -> passwordHashes.put(user, sha256(password)));
    }

    void check(Context ctx) {
        if (ctx.path().equals("/") && ctx.method().name().equals("GET")) {
            return;
        }
        String header = ctx.header("Authorization");
        String problem = header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)
                ? "credentials are required (HTTP basic auth)" : verify(header.substring(6).strip());
        if (problem == null) {
            return;
        }
        var body = JSON.createObjectNode().put("type", "about:blank").put("title", "Unauthorized")
                .put("status", UNAUTHORIZED).put("detail", problem)
                .put("error_code", 40101).put("message", problem);
        ctx.status(UNAUTHORIZED).header("WWW-Authenticate", "Basic realm=\"fastship-schema-registry\"")
                .contentType("application/problem+json").result(body.toString());
        ctx.skipRemainingHandlers();
    }

    /** Null when the credentials are valid, else why not (without saying which half was wrong). */
    private String verify(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "the Authorization header is not valid base64";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return "the credentials must be user:password";
        }
        byte[] expected = passwordHashes.get(decoded.substring(0, colon));
        byte[] presented = sha256(decoded.substring(colon + 1));
        // Compare even for an unknown user, so timing does not tell which users exist.
        boolean matches = MessageDigest.isEqual(expected == null ? new byte[presented.length] : expected, presented);
        return matches && expected != null ? null : "the user or password is not valid";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
