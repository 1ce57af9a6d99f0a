package io.fastship.inspector;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where the cluster and registry are and how long to wait for them; shared by every subcommand. */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092).")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL",
            defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081}",
            description = "Schema registry URL (default: $SCHEMA_REGISTRY_URL or http://127.0.0.1:8081).")
    String schemaRegistryUrl;

    @Option(names = "--command-config", paramLabel = "FILE", defaultValue = "${env:FASTSHIP_COMMAND_CONFIG}",
            description = "Client properties (security.protocol, sasl.*, ssl.*, basic.auth.* for the registry); "
                    + "default: $FASTSHIP_COMMAND_CONFIG, which ./fastship sets to a running secure stack's tools.properties.")
    Path commandConfig;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = Durations.Converter.class,
            description = "How long to wait for the cluster or registry to answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The properties from {@code --command-config}, or none. */
    public Map<String, String> extraProperties() {
        if (commandConfig == null) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(commandConfig)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InspectorException("command config file " + commandConfig + " does not exist");
        } catch (IOException e) {
            throw new InspectorException("cannot read command config file " + commandConfig + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).strip()));
        return values;
    }

    /** Opens the clients these options describe. */
    public Cluster connect() {
        return connect("fastship-inspector");
    }

    /** Opens the clients these options describe, named {@code clientId} towards the cluster. */
    public Cluster connect(String clientId) {
        if (timeout.isZero()) {
            throw new InspectorException("--timeout must be more than 0");
        }
        return new Cluster(clientId, bootstrapServers, schemaRegistryUrl, extraProperties(), timeout);
    }
}
