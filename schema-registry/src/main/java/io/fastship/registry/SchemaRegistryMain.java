package io.fastship.registry;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the schema registry as a process configured from the environment, until SIGTERM. */
public final class SchemaRegistryMain {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryMain.class);

    static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    static final String PORT_VARIABLE = "SCHEMA_REGISTRY_PORT";
    static final String HOST_VARIABLE = "SCHEMA_REGISTRY_HOST";
    /** A file of {@code user:password} lines; when set, every route but {@code GET /} needs basic auth. */
    static final String USERS_FILE_VARIABLE = "SCHEMA_REGISTRY_BASIC_AUTH_USERS_FILE";
    /** As for the services: {@code KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL} becomes {@code security.protocol}. */
    static final String CLIENT_PREFIX = "KAFKA_CLIENT_";
    static final int DEFAULT_PORT = 8081;
    static final String DEFAULT_HOST = "127.0.0.1";

    private SchemaRegistryMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SchemaRegistryConfig config;
        try {
            config = configFrom(System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "schema-registry-shutdown"));
        stopped.await();
    }

    /** Reads and validates the environment once; every error names the variable. */
    static SchemaRegistryConfig configFrom(Map<String, String> env) {
        String bootstrap = env.get(BOOTSTRAP_VARIABLE);
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_VARIABLE + " is required (e.g. 127.0.0.1:9092)");
        }
        String host = env.getOrDefault(HOST_VARIABLE, DEFAULT_HOST);
        if (host.isBlank()) {
            throw new IllegalArgumentException(HOST_VARIABLE + " must not be blank");
        }
        java.util.Map<String, String> client = new java.util.HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(CLIENT_PREFIX) && name.length() > CLIENT_PREFIX.length()) {
                client.put(name.substring(CLIENT_PREFIX.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'),
                        value);
            }
        });
        String usersFile = env.get(USERS_FILE_VARIABLE);
        return new SchemaRegistryConfig(bootstrap.trim(), host.trim(), port(env.get(PORT_VARIABLE)),
                SchemaRegistryConfig.DEFAULT_TOPIC, client,
                usersFile == null || usersFile.isBlank() ? java.util.Map.of() : users(java.nio.file.Path.of(usersFile.strip())));
    }

    private static java.util.Map<String, String> users(java.nio.file.Path file) {
        java.util.List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(USERS_FILE_VARIABLE + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
        java.util.Map<String, String> users = new java.util.HashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1 || colon == line.length() - 1) {
                throw new IllegalArgumentException(USERS_FILE_VARIABLE + ": every line of " + file
                        + " must be user:password");
            }
            users.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(USERS_FILE_VARIABLE + ": " + file + " names no user");
        }
        return users;
    }

    private static int port(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number 0..65535, was '" + text + "'");
    }
}
