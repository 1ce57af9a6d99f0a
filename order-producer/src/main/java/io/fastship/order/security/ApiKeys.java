package io.fastship.order.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;

/**
 * The API keys the order service accepts, each bound to one customer. Only SHA-256 hashes of the keys are kept,
 * so a heap dump or a config file leaks no usable key, and a presented key is compared hash to hash in constant
 * time ({@link MessageDigest#isEqual}) against every entry, so timing reveals neither the key nor which one matched.
 */
public final class ApiKeys {

    public static final String KEYS = "ORDER_API_KEYS";
    public static final String KEYS_FILE = "ORDER_API_KEYS_FILE";
    static final int MIN_KEY_LENGTH = 16;

    private record Entry(byte[] hash, String customerId) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    /** {@code key:customerId} pairs, as in {@code ORDER_API_KEYS}. */
    public static ApiKeys of(String... pairs) {
        List<Entry> entries = new ArrayList<>();
        for (String pair : pairs) {
            entries.add(plain(pair, KEYS));
        }
        return new ApiKeys(entries);
    }

    /**
     * {@code ORDER_API_KEYS=key:customerId,...} and/or {@code ORDER_API_KEYS_FILE}: one {@code sha256hex:customerId}
     * per line ({@code #} starts a comment), so the service never needs to see the keys themselves.
     */
    public static ApiKeys fromEnv(Env env) {
        List<Entry> entries = new ArrayList<>();
        for (String pair : env.list(KEYS)) {
            entries.add(plain(pair, KEYS));
        }
        Optional<String> file = env.optional(KEYS_FILE);
        if (file.isPresent()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(KEYS_FILE, "cannot be read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    entries.add(hashed(line, i + 1));
                }
            }
        }
        return new ApiKeys(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The customer the presented key belongs to, empty if it is no valid key. */
    public Optional<String> customerOf(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        String customer = null;
        for (Entry entry : entries) {
            // Every entry is compared, no early exit: the time taken does not depend on which key matched.
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                customer = entry.customerId();
            }
        }
        return Optional.ofNullable(customer);
    }

    /** SHA-256 of the UTF-8 bytes; what {@code ORDER_API_KEYS_FILE} holds, hex-encoded. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Entry plain(String pair, String variable) {
        int colon = pair.lastIndexOf(':');
        if (colon < 0) {
            // Never echo the value: it is a secret.
            throw new ConfigException(variable, "must be key:customerId pairs separated by commas");
        }
        String key = pair.substring(0, colon);
        if (key.length() < MIN_KEY_LENGTH) {
            throw new ConfigException(variable, "holds a key shorter than " + MIN_KEY_LENGTH
                    + " characters; use long random keys");
        }
        return new Entry(sha256(key), customer(pair.substring(colon + 1), variable));
    }

    private static Entry hashed(String line, int number) {
        int colon = line.indexOf(':');
        String hex = colon < 0 ? "" : line.substring(0, colon).strip();
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new ConfigException(KEYS_FILE, "line " + number + " must be <sha256 hex of the key>:<customerId>");
        }
        return new Entry(HexFormat.of().parseHex(hex), customer(line.substring(colon + 1).strip(), KEYS_FILE));
    }

    private static String customer(String customerId, String variable) {
        if (!customerId.matches("[\\x21-\\x7e]{1,128}")) {
            throw new ConfigException(variable, "names a customer id that is not 1..128 printable characters");
        }
        return customerId;
    }
}
