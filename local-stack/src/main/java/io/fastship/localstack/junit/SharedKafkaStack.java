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

import io.fastship.localstack.broker.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The brokers (own or external) and registry (embedded or external) that all tests of one JVM share. */
final class SharedKafkaStack implements KafkaStack, AutoCloseable {

    static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";

    private final AtomicInteger names = new AtomicInteger();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String bootstrapServers;
    private final Optional<KafkaCluster> ownCluster;
    private final Optional<Path> ownDataDir;
    private final Optional<String> externalRegistry;
    private EmbeddedRegistry ownRegistry;

    private SharedKafkaStack(String bootstrapServers, Optional<KafkaCluster> ownCluster, Optional<Path> ownDataDir,
                             Optional<String> externalRegistry) {
        this.bootstrapServers = bootstrapServers;
        this.ownCluster = ownCluster;
        this.ownDataDir = ownDataDir;
        this.externalRegistry = externalRegistry;
    }

    /** One broker may come from the environment; a cluster is always this fixture's own, so tests can fault it. */
    static SharedKafkaStack fromEnvironment(Map<String, String> env, int brokers) {
        Optional<String> registry = brokers == 1 ? nonBlank(env.get(REGISTRY_ENV)) : Optional.empty();
        Optional<String> external = nonBlank(env.get(BOOTSTRAP_ENV));
        if (external.isPresent() && brokers == 1) {
            return new SharedKafkaStack(external.get(), Optional.empty(), Optional.empty(), registry);
        }
        Path dataDir = tempDir();
        KafkaCluster cluster = KafkaCluster.start(dataDir.resolve("kafka"), brokers, false);
        return new SharedKafkaStack(cluster.bootstrapServers(), Optional.of(cluster), Optional.of(dataDir), registry);
    }

    @Override
    public KafkaCluster cluster() {
        return ownCluster.orElseThrow(() -> new UnsupportedOperationException(
                "the tests run against an external Kafka cluster (" + BOOTSTRAP_ENV + ")"));
    }

    @Override
    public synchronized RegistryControl registry() {
        if (externalRegistry.isPresent()) {
            throw new UnsupportedOperationException("the tests run against an external schema registry (" + REGISTRY_ENV + ")");
        }
        if (ownRegistry == null) {
            ownRegistry = new EmbeddedRegistry(bootstrapServers);
        }
        return ownRegistry;
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
        return registry().url();
    }

    @Override
    public String uniqueName(String prefix) {
        return prefix + "-" + runId + "-" + names.incrementAndGet();
    }

    @Override
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            int brokers = ownCluster.map(KafkaCluster::size).orElse(1);
            NewTopic topic = new NewTopic(name, partitions, (short) Math.min(3, brokers))
                    .configs(Map.of("min.insync.replicas", Integer.toString(Math.min(2, brokers))));
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
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
        ownCluster.ifPresent(KafkaCluster::close);
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
