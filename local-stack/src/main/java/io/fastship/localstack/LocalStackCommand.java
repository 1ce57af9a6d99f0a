package io.fastship.localstack;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.fastship.localstack.broker.BrokerConfig;
import io.fastship.localstack.broker.KafkaBroker;
import io.fastship.localstack.registry.SchemaRegistryConfig;
import io.fastship.localstack.registry.SchemaRegistryServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fastship up}: the local default stack, a real Kafka broker and the schema registry, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start a real Kafka broker (KRaft) and a Confluent-compatible schema registry on 127.0.0.1.")
public final class LocalStackCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--fresh", description = "Delete the data directory first.")
    boolean fresh;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStackCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Path brokerDir = dataDir.resolve("kafka");
        if (fresh) {
            DataDirectory.wipe(dataDir);
        }
        BrokerConfig brokerConfig = BrokerConfig.onFreePorts(brokerDir).withPorts(kafkaPort, controllerPort);
        KafkaBroker broker = KafkaBroker.start(brokerConfig);
        SchemaRegistryServer registry;
        try {
            registry = SchemaRegistryServer.start(new SchemaRegistryConfig(broker.bootstrapServers(), "127.0.0.1",
                    registryPort, SchemaRegistryConfig.DEFAULT_TOPIC));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Reverse order of start: the registry writes to the broker, so it goes first.
            try (broker; registry) {
                System.out.println("\nStopping FastShip local stack...");
            } finally {
                stopped.countDown();
            }
        }, "fastship-local-stack-shutdown"));
        printSummary(broker, registry);
        stopped.await();
        return 0;
    }

    private void printSummary(KafkaBroker broker, SchemaRegistryServer registry) {
        System.out.printf("""

                FastShip local stack is running (Ctrl-C stops it)
                  Kafka bootstrap   %s   (KRaft, pid %d, log %s)
                  Schema registry   %s
                  Data directory    %s

                  export KAFKA_BOOTSTRAP_SERVERS=%s SCHEMA_REGISTRY_URL=%s
                %n""", broker.bootstrapServers(), broker.pid(), broker.logFile(), registry.url(),
                dataDir.toAbsolutePath(), broker.bootstrapServers(), registry.url());
    }
}
