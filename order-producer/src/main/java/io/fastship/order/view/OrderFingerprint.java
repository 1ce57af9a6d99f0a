package io.fastship.order.view;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;

/**
 * A digest of what a client asked for (customer, currency, lines, payment token), so a replayed
 * {@code Idempotency-Key} with a different body is told apart from a true replay without storing the token.
 */
public final class OrderFingerprint {

    private OrderFingerprint() {
    }

    public static String of(OrderCreated order) {
        MessageDigest digest = sha256();
        field(digest, order.getCustomerId());
        field(digest, order.getCurrency());
        for (LineItem item : order.getItems()) {
            field(digest, item.getSku());
            field(digest, Integer.toString(item.getQuantity()));
            field(digest, Long.toString(item.getUnitPriceMinor()));
        }
        field(digest, order.getPaymentToken());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so field boundaries cannot shift between two different bodies.
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
