package io.fastship.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.localstack.broker.BrokerSecurity;
import io.fastship.localstack.broker.KafkaBroker;
import io.fastship.localstack.broker.KafkaCluster;
import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.fault.FaultInjector;
import io.fastship.localstack.process.EventLog;
import io.fastship.localstack.process.FreePorts;
import io.fastship.localstack.process.GatewayEnv;
import io.fastship.localstack.process.ModuleClasspath;
import io.fastship.localstack.process.RegistryProcess;
import io.fastship.localstack.process.RestartBackoff;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.ServiceProcess;
import io.fastship.localstack.process.StackProcess;
import io.fastship.localstack.process.Supervisor;
import io.fastship.localstack.security.LocalOrderSecurity;
import io.fastship.localstack.security.StackSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: one or more real Kafka broker processes, the schema registry as its own
 * process, and every service instance as its own JVM. The launcher supervises the JVMs (a process that exits
 * on its own is started again with backoff), injects faults on demand, and {@link #close()} stops everything
 * within bounded time, in reverse order of start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_READY = Duration.ofSeconds(120);
    /** Main class of the inventory module's stock tool (writes StockAdjusted records). */
    public static final String STOCK_SEEDER = "io.fastship.inventory.stock.StockSeeder";
    /** Launched in this order: the gateway payment calls (its address is in payment's settings), consumers, the entry point. */
    private static final List<ServiceKind> START_ORDER = List.of(ServiceKind.GATEWAY, ServiceKind.INVENTORY,
            ServiceKind.PAYMENT, ServiceKind.ORDER);

    private final LocalStackOptions options;
    private final KafkaCluster cluster;
    private final RegistryProcess registry;
    /** Processes the services depend on, other than brokers: the registry, and the payment gateway once it is one. */
    private final List<StackProcess> infrastructure = new ArrayList<>();
    private final Map<ServiceKind, List<ServiceProcess>> running = new EnumMap<>(ServiceKind.class);
    private final Map<ServiceKind, Integer> nextInstanceNumber = new EnumMap<>(ServiceKind.class);
    private final EventLog events;
    private final Optional<StackSecurity> security;
    private final Supervisor supervisor;
    private final FaultInjector faults;
    private boolean closed;

    private LocalStack(LocalStackOptions options, KafkaCluster cluster, RegistryProcess registry,
                       Optional<StackSecurity> security) {
        this.options = options;
        this.security = security;
        this.cluster = cluster;
        this.registry = registry;
        infrastructure.add(registry);
        for (ServiceKind kind : ServiceKind.values()) {
            running.put(kind, new ArrayList<>());
            nextInstanceNumber.put(kind, 1);
        }
        this.events = new EventLog(options.dataDir().resolve("logs").resolve("launcher.log"));
        this.supervisor = new Supervisor(this::processes, RestartBackoff.DEFAULT, events);
        this.faults = new FaultInjector(this::processes, events);
    }

    public static LocalStack start(LocalStackOptions options) {
        Optional<StackSecurity> security = options.secure()
                ? Optional.of(StackSecurity.prepare(options.dataDir(), servicePrincipals())) : Optional.empty();
        KafkaCluster cluster = KafkaCluster.start(options.dataDir().resolve("kafka"), options.brokers(), options.fixedPorts(),
                security.map(StackSecurity::broker).orElse(BrokerSecurity.NONE));
        LocalStack stack = null;
        try {
            int registryPort = options.fixedPorts() ? LocalStackOptions.REGISTRY_PORT : FreePorts.next();
            Map<String, String> registryEnv = new HashMap<>();
            if (security.isPresent()) {
                SecureSetup.run(options, cluster.bootstrapServers(), "http://127.0.0.1:" + registryPort, security.get());
                registryEnv.putAll(security.get().env(StackSecurity.REGISTRY));
                registryEnv.put("SCHEMA_REGISTRY_BASIC_AUTH_USERS_FILE", security.get().usersFile().toString());
            }
            RegistryProcess registry = RegistryProcess.start(cluster.bootstrapServers(), registryPort, registryEnv,
                    options.dataDir().resolve("logs").resolve("registry.log"), options.console());
            stack = new LocalStack(options, cluster, registry, security);
            // The services start side by side (each spends most of its start waiting on the broker: topics, group
            // joins, restores), but the order service only after the catalog is seeded: it is ready once it has
            // read the catalog, so the first order after start is priced, never refused for an unknown SKU.
            List<ServiceProcess> starting = new ArrayList<>();
            for (ServiceKind kind : START_ORDER) {
                if (kind == ServiceKind.ORDER) {
                    CatalogSeed.once(stack);
                }
                starting.addAll(stack.launch(kind, options.instancesOf(kind)));
            }
            awaitHealthy(starting);
            return stack;
        } catch (RuntimeException e) {
            if (stack != null) {
                stack.close();
            } else {
                cluster.close();
            }
            throw e;
        }
    }

    private static List<String> servicePrincipals() {
        return java.util.Arrays.stream(ServiceKind.values()).map(ServiceKind::principal).filter(p -> !p.isEmpty()).toList();
    }

    /** The secrets of a {@code --secure} stack (principals, client properties); empty when the stack is open. */
    public Optional<StackSecurity> security() {
        return security;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** The first broker's current process (the only one unless {@code brokers > 1}). */
    public KafkaBroker broker() {
        return cluster.broker(1).broker();
    }

    public KafkaCluster cluster() {
        return cluster;
    }

    public RegistryProcess registry() {
        return registry;
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

    /** Every process, as {@code ./fastship status} lists it: brokers, registry (and gateway), service instances. */
    public synchronized List<StackProcess> processes() {
        List<StackProcess> all = new ArrayList<>(cluster.brokers());
        all.addAll(infrastructure);
        all.addAll(allInstances());
        return all;
    }

    /** The process named {@code name} ({@code broker-2}, {@code registry}, {@code payment-1}, ...). */
    public StackProcess process(String name) {
        return faults.target(name);
    }

    /** Injects a fault (kill, restart, pause, down) into one process; see {@link FaultInjector#inject}. */
    public void inject(Fault fault) {
        faults.inject(fault);
    }

    /** Starts or stops instances until {@code count} of {@code kind} run; new ones are awaited healthy. */
    public synchronized void scale(ServiceKind kind, int count) {
        if (closed) {
            throw new IllegalStateException("the local stack is stopped");
        }
        awaitHealthy(launch(kind, count));
        List<ServiceProcess> instances = running.get(kind);
        while (instances.size() > count) {
            ServiceProcess newest = instances.remove(instances.size() - 1);
            newest.close();
            log.info("{} stopped", newest.name());
        }
    }

    /** Starts instances of {@code kind} until {@code count} run, without waiting for them; returns the new ones. */
    private synchronized List<ServiceProcess> launch(ServiceKind kind, int count) {
        List<ServiceProcess> instances = running.get(kind);
        List<ServiceProcess> started = new ArrayList<>();
        while (instances.size() < count) {
            ServiceProcess process = ServiceProcess.start(spec(kind));
            instances.add(process);
            started.add(process);
        }
        return started;
    }

    private static void awaitHealthy(List<ServiceProcess> started) {
        for (ServiceProcess process : started) {
            process.awaitHealthy(SERVICE_READY);
            log.info("{} is up on {} (pid {})", process.name(), process.baseUrl(), process.pid());
        }
    }

    /** Runs a command-line tool of a service's module against this stack; returns its exit code. */
    public int runTool(ServiceKind kind, String mainClass, List<String> args) {
        // Tools set stock and prices: on a secure stack they run as operations, which may write nothing else.
        Map<String, String> env = new HashMap<>(connectionEnv());
        security.ifPresent(s -> env.putAll(s.env(StackSecurity.OPERATIONS)));
        return ToolRun.run(options.repositoryRoot(), kind, mainClass, args, env,
                options.dataDir().resolve("logs").resolve("tools.log"), options.console());
    }

    /** The settings a client of this stack needs: bootstrap servers, registry, partitions. */
    public Map<String, String> connectionEnv() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url(),
                "TOPIC_PARTITIONS", Integer.toString(options.partitions()));
    }

    /** Forgets an instance that was killed from outside (e.g. a crash test); returns whether it was known. */
    public synchronized boolean forget(ServiceProcess process) {
        return running.get(process.kind()).remove(process);
    }

    private ServiceProcess.Spec spec(ServiceKind kind) {
        int number = nextInstanceNumber.merge(kind, 1, Integer::sum) - 1;
        // The gateway is one process named "gateway" (the contract's process name); services are numbered.
        String name = kind == ServiceKind.GATEWAY && number == 1 ? kind.shortName() : kind.shortName() + "-" + number;
        int port = options.fixedPorts() && running.get(kind).isEmpty() && FreePorts.isFree(kind.firstPort())
                ? kind.firstPort() : FreePorts.next();
        Map<String, String> env = new HashMap<>(kind == ServiceKind.ORDER
                ? LocalOrderSecurity.env(options.dataDir(), options.serviceEnv()) : options.serviceEnv());
        env.putAll(connectionEnv());
        if (!kind.principal().isEmpty()) {
            security.ifPresent(s -> env.putAll(s.env(kind.principal())));
        }
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("HTTP_ADVERTISED_URL", "http://127.0.0.1:" + port);
        env.put("INSTANCE_ID", name);
        env.put("STATE_DIR", options.dataDir().resolve("state").resolve(name).toAbsolutePath().toString());
        // RocksDB allocates with glibc malloc from every thread that touches a store; glibc gives each such thread
        // an arena of its own (up to 8 per core), whose freed memory stays in the process. Two arenas bound that, as
        // is usual for JVMs running RocksDB; an operator's own setting wins.
        env.putIfAbsent("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        GatewayEnv.add(kind, name, port, options, running.get(ServiceKind.GATEWAY), env);
        Path logFile = options.dataDir().resolve("logs").resolve(name + ".log");
        String classpath = ModuleClasspath.of(options.repositoryRoot(), kind.module());
        // A fixed, pre-touched heap, as servers are run: its memory is the process's from the start, so RSS over a
        // long run shows what grows outside the heap (RocksDB, buffers, threads) instead of the heap being grown
        // from -Xms (payment's RSS rose 17% in a 1M-order soak, nearly all of it early, as its heap grew from 64m).
        // The gateway too: it keeps every charge in memory, as a provider keeps its ledger, but compactly (~75 B
        // each, measured), so two million take ~150 MiB of the 384m with no full GC, three million ~200 MiB. (At
        // ~420 B each, 384m ran out after ~818k charges of a soak; a gigabyte of pre-touched heap is not needed.)
        return new ServiceProcess.Spec(kind, name, port, classpath, env,
                List.of("-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError"),
                logFile, options.console());
    }

    @Override
    public void close() {
        List<StackProcess> services;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            services = new ArrayList<>(allInstances());
        }
        long started = System.nanoTime();
        // Nothing may restart what is being stopped, and no pending fault may start it again.
        supervisor.close();
        faults.close();
        // Reverse order of start, each tier in parallel and bounded: services, registry (and gateway), brokers;
        // a broker already gone or a service stuck on it costs at most the tier's bound, not 30 s each.
        ParallelStop.of(services, Duration.ofSeconds(15));
        ParallelStop.of(infrastructure, Duration.ofSeconds(10));
        cluster.close();
        log.info("FastShip stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
