package io.fastship.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.localstack.broker.BrokerConfig;
import io.fastship.localstack.broker.KafkaBroker;
import io.fastship.localstack.process.FreePorts;
import io.fastship.localstack.process.ModuleClasspath;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.ServiceProcess;
import io.fastship.localstack.registry.SchemaRegistryConfig;
import io.fastship.localstack.registry.SchemaRegistryServer;
import io.fastship.localstack.security.LocalOrderSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: a real Kafka broker process, the schema registry, and every service
 * instance as its own JVM. Instances can be added and removed while it runs; {@link #close()} stops
 * everything in reverse order of start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_READY = Duration.ofSeconds(120);
    /** Services start in the order the flow needs them: consumers first, then the HTTP entry point. */
    /** Main class of the inventory module's stock tool (writes StockAdjusted records). */
    public static final String STOCK_SEEDER = "io.fastship.inventory.stock.StockSeeder";
    private static final List<ServiceKind> START_ORDER = List.of(ServiceKind.INVENTORY, ServiceKind.PAYMENT, ServiceKind.ORDER);

    private final LocalStackOptions options;
    private final KafkaBroker broker;
    private final SchemaRegistryServer registry;
    private final Map<ServiceKind, List<ServiceProcess>> running = new EnumMap<>(ServiceKind.class);
    private final Map<ServiceKind, Integer> nextInstanceNumber = new EnumMap<>(ServiceKind.class);
    private boolean closed;

    private LocalStack(LocalStackOptions options, KafkaBroker broker, SchemaRegistryServer registry) {
        this.options = options;
        this.broker = broker;
        this.registry = registry;
        for (ServiceKind kind : ServiceKind.values()) {
            running.put(kind, new ArrayList<>());
            nextInstanceNumber.put(kind, 1);
        }
    }

    public static LocalStack start(LocalStackOptions options) {
        BrokerConfig brokerConfig = BrokerConfig.onFreePorts(options.dataDir().resolve("kafka"));
        if (options.fixedPorts()) {
            brokerConfig = brokerConfig.withPorts(LocalStackOptions.KAFKA_PORT, LocalStackOptions.CONTROLLER_PORT);
        }
        KafkaBroker broker = KafkaBroker.start(brokerConfig);
        LocalStack stack = null;
        try {
            SchemaRegistryServer registry = SchemaRegistryServer.start(new SchemaRegistryConfig(broker.bootstrapServers(),
                    "127.0.0.1", options.fixedPorts() ? LocalStackOptions.REGISTRY_PORT : 0,
                    SchemaRegistryConfig.DEFAULT_TOPIC));
            stack = new LocalStack(options, broker, registry);
            // Catalog first: the order service is ready only once it has read the catalog, so the first order
            // after start is priced, never refused for an unknown SKU.
            stack.seedCatalogOnce();
            for (ServiceKind kind : START_ORDER) {
                stack.scale(kind, options.instancesOf(kind));
            }
            return stack;
        } catch (RuntimeException e) {
            if (stack != null) {
                stack.close();
            } else {
                broker.close();
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public KafkaBroker broker() {
        return broker;
    }

    public LocalStackOptions options() {
        return options;
    }

    public synchronized List<ServiceProcess> instances(ServiceKind kind) {
        return List.copyOf(running.get(kind));
    }

    public synchronized List<ServiceProcess> allInstances() {
        List<ServiceProcess> all = new ArrayList<>();
        START_ORDER.forEach(kind -> all.addAll(running.get(kind)));
        return all;
    }

    /** Starts or stops instances until {@code count} of {@code kind} run; new ones are awaited healthy. */
    public synchronized void scale(ServiceKind kind, int count) {
        if (closed) {
            throw new IllegalStateException("the local stack is stopped");
        }
        List<ServiceProcess> instances = running.get(kind);
        List<ServiceProcess> started = new ArrayList<>();
        while (instances.size() < count) {
            ServiceProcess process = ServiceProcess.start(spec(kind));
            instances.add(process);
            started.add(process);
        }
        for (ServiceProcess process : started) {
            process.awaitHealthy(SERVICE_READY);
            log.info("{} is up on {} (pid {})", process.name(), process.baseUrl(), process.pid());
        }
        while (instances.size() > count) {
            ServiceProcess newest = instances.remove(instances.size() - 1);
            newest.close();
            log.info("{} stopped", newest.name());
        }
    }

    /**
     * Seeds the demo catalog the first time a data directory is used; later starts keep the stock levels
     * that orders and adjustments left.
     */
    private void seedCatalogOnce() {
        Path stocked = options.dataDir().resolve("catalog-seeded");
        // Data directories from before the catalog had prices get theirs once, and keep their stock levels.
        Path priced = options.dataDir().resolve("catalog-priced");
        if (options.seedSkus() == 0 || java.nio.file.Files.exists(stocked) && java.nio.file.Files.exists(priced)) {
            return;
        }
        boolean pricesOnly = java.nio.file.Files.exists(stocked);
        List<String> args = new ArrayList<>(List.of("--skus", Integer.toString(options.seedSkus()),
                "--units", Long.toString(options.seedUnits())));
        if (pricesOnly) {
            args.add("--prices-only");
        }
        int exit = runTool(ServiceKind.INVENTORY, STOCK_SEEDER, args);
        if (exit != 0) {
            throw new IllegalStateException("seeding the demo catalog failed (exit " + exit + "); see "
                    + options.dataDir().resolve("logs"));
        }
        try {
            if (!pricesOnly) {
                java.nio.file.Files.writeString(stocked, options.seedSkus() + " SKUs x " + options.seedUnits()
                        + " units\n");
            }
            java.nio.file.Files.writeString(priced, options.seedSkus() + " SKUs priced\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a command-line tool of a service's module against this stack; returns its exit code. */
    public int runTool(ServiceKind kind, String mainClass, List<String> args) {
        return ToolRun.run(options.repositoryRoot(), kind, mainClass, args, connectionEnv(),
                options.dataDir().resolve("logs").resolve("tools.log"), options.console());
    }

    /** The settings a client of this stack needs: bootstrap servers, registry, partitions. */
    public Map<String, String> connectionEnv() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url(),
                "TOPIC_PARTITIONS", Integer.toString(options.partitions()));
    }

    /** Forgets an instance that was killed from outside (e.g. a crash test); returns whether it was known. */
    public synchronized boolean forget(ServiceProcess process) {
        return running.get(process.kind()).remove(process);
    }

    private ServiceProcess.Spec spec(ServiceKind kind) {
        int number = nextInstanceNumber.merge(kind, 1, Integer::sum) - 1;
        String name = kind.shortName() + "-" + number;
        int port = options.fixedPorts() && running.get(kind).isEmpty() && FreePorts.isFree(kind.firstPort())
                ? kind.firstPort() : FreePorts.next();
        Map<String, String> env = new HashMap<>(kind == ServiceKind.ORDER
                ? LocalOrderSecurity.env(options.dataDir(), options.serviceEnv()) : options.serviceEnv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", registry.url());
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("HTTP_ADVERTISED_URL", "http://127.0.0.1:" + port);
        env.put("INSTANCE_ID", name);
        env.put("TOPIC_PARTITIONS", Integer.toString(options.partitions()));
        env.put("STATE_DIR", options.dataDir().resolve("state").resolve(name).toAbsolutePath().toString());
        Path logFile = options.dataDir().resolve("logs").resolve(name + ".log");
        String classpath = ModuleClasspath.of(options.repositoryRoot(), kind.module());
        return new ServiceProcess.Spec(kind, name, port, classpath, env,
                List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                logFile, options.console());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Reverse order of start: the HTTP entry point first, then consumers, then registry, then broker.
        List<ServiceProcess> all = allInstances();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
        registry.close();
        broker.close();
    }
}
