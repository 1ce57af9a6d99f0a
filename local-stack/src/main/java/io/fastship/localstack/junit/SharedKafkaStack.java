package io.fastship.localstack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.fastship.localstack.broker.BrokerConfig;
import io.fastship.localstack.broker.KafkaBroker;
import io.fastship.registry.SchemaRegistryConfig;
import io.fastship.registry.SchemaRegistryServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The broker (own or external) and registry (embedded or external) that all tests of one JVM share. */
final class SharedKafkaStack implements KafkaStack, AutoCloseable {

    static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";

    private final AtomicInteger names = new AtomicInteger();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String bootstrapServers;
    private final Optional<KafkaBroker> ownBroker;
    private final Optional<Path> ownDataDir;
    private final Optional<String> externalRegistry;
    private SchemaRegistryServer ownRegistry;

    private SharedKafkaStack(String bootstrapServers, Optional<KafkaBroker> ownBroker, Optional<Path> ownDataDir,
                             Optional<String> externalRegistry) {
        this.bootstrapServers = bootstrapServers;
        this.ownBroker = ownBroker;
        this.ownDataDir = ownDataDir;
        this.externalRegistry = externalRegistry;
    }

    static SharedKafkaStack fromEnvironment(Map<String, String> env) {
        Optional<String> registry = nonBlank(env.get(REGISTRY_ENV));
        Optional<String> external = nonBlank(env.get(BOOTSTRAP_ENV));
        if (external.isPresent()) {
            return new SharedKafkaStack(external.get(), Optional.empty(), Optional.empty(), registry);
        }
        Path dataDir = tempDir();
        KafkaBroker broker = KafkaBroker.start(BrokerConfig.onFreePorts(dataDir));
        return new SharedKafkaStack(broker.bootstrapServers(), Optional.of(broker), Optional.of(dataDir), registry);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized String schemaRegistryUrl() {
        if (externalRegistry.isPresent()) {
            return externalRegistry.get();
        }
        if (ownRegistry == null) {
            ownRegistry = SchemaRegistryServer.start(SchemaRegistryConfig.onFreePort(bootstrapServers));
        }
        return ownRegistry.url();
    }

    @Override
    public String uniqueName(String prefix) {
        return prefix + "-" + runId + "-" + names.incrementAndGet();
    }

    @Override
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        if (ownRegistry != null) {
            ownRegistry.close();
        }
        ownBroker.ifPresent(KafkaBroker::close);
        ownDataDir.ifPresent(SharedKafkaStack::deleteRecursively);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fastship-test-broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; failing a green test run over it is not.
        }
    }
}
