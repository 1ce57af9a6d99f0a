package io.fastship.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The order service's security settings on a local stack: the API open ({@code ORDER_AUTH=none}, said on start),
 * and one {@code ORDER_ID_SECRET} per data directory, generated once and kept, so every instance and every restart
 * derives the same ids from an Idempotency-Key.
 */
public final class LocalOrderSecurity {

    static final String SECRET_FILE = "order-id-secret";

    private LocalOrderSecurity() {
    }

    /** What the order instances of the stack on {@code dataDir} get, unless the caller set it already. */
    public static Map<String, String> env(Path dataDir, Map<String, String> given) {
        Map<String, String> env = new HashMap<>();
        if (!given.containsKey("ORDER_API_KEYS") && !given.containsKey("ORDER_API_KEYS_FILE")) {
            env.put("ORDER_AUTH", "none");
        }
        env.put("ORDER_ID_SECRET", secret(dataDir));
        env.putAll(given);
        return env;
    }

    /** The data directory's id secret, created on first use (readable by the owner only). */
    public static synchronized String secret(Path dataDir) {
        Path file = dataDir.resolve(SECRET_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.writeString(file, secret + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions protect it.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
