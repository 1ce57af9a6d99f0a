package io.fastship.localstack.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A principal's client settings, split the way a tool needs them: {@code basic.auth.*} for the schema registry,
 * everything else (security.protocol, sasl.*, ssl.*) for Kafka. Empty maps on an open stack.
 */
public record ClientSettings(Map<String, String> kafka, Map<String, String> registry) {

    /** No settings: an open stack. */
    public static final ClientSettings NONE = new ClientSettings(Map.of(), Map.of());

    private static final String REGISTRY_PREFIX = "basic.auth.";

    public ClientSettings {
        kafka = Map.copyOf(kafka);
        registry = Map.copyOf(registry);
    }

    /** Splits one properties file's worth of settings (a {@code --command-config}) into Kafka and registry parts. */
    public static ClientSettings split(Map<String, String> properties) {
        Map<String, String> kafka = new HashMap<>();
        Map<String, String> registry = new HashMap<>();
        properties.forEach((key, value) -> (key.startsWith(REGISTRY_PREFIX) ? registry : kafka).put(key, value.strip()));
        return new ClientSettings(kafka, registry);
    }

    /** The settings in {@code file}; a missing or unreadable file is an {@link IllegalArgumentException} naming it. */
    public static ClientSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("client properties file " + file + " does not exist");
        }
        return split(StackSecurity.properties(file));
    }

    /** The tools' settings of the stack on {@code dataDir} if it was started with {@code --secure}. */
    public static Optional<ClientSettings> ofTools(Path dataDir) {
        return StackSecurity.toolsProperties(dataDir).map(ClientSettings::load);
    }

    /** The settings of {@code principal} on the secure stack on {@code dataDir}, if that stack has its file. */
    public static Optional<ClientSettings> of(Path dataDir, String principal) {
        Path file = StackSecurity.propertiesFile(dataDir, principal);
        return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
    }

    /** Whether these are a secure stack's settings. */
    public boolean secure() {
        return !kafka.isEmpty() || !registry.isEmpty();
    }

    /** Both parts again, as one properties file holds them. */
    public Map<String, String> all() {
        Map<String, String> all = new HashMap<>(kafka);
        all.putAll(registry);
        return all;
    }
}
