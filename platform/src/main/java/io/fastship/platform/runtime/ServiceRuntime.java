package io.fastship.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import io.fastship.platform.config.ServiceSettings;
import io.fastship.platform.http.Health;
import io.fastship.platform.http.HealthIndicator;
import io.fastship.platform.http.ServiceHttpServer;
import io.fastship.platform.http.ServiceMetrics;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.processing.TransactionalLoop;
import io.fastship.platform.streams.StreamsOptions;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.Topics;
import io.fastship.schemas.TypedTopic;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every FastShip service runs on: it owns the {@link Closer}, the metrics, the Kafka clients, the creation of
 * the topics the service declares, the Streams or loop lifecycle with one failure policy, and HTTP. A service's
 * wiring function declares only its own parts on the runtime (topics, processing, health, routes); HTTP starts
 * after it, and {@link #close()} stops everything in reverse order: HTTP intake first, tracing last.
 *
 * <p>Failure policy: a processing component that cannot recover (Streams in ERROR, a loop FAILED) turns readiness
 * and liveness DOWN and calls the {@link FatalExit} with status 1, so an orchestrator restarts the process.
 */
public final class ServiceRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceRuntime.class);
    /** Bound of every topic creation and description at start. */
    public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final String serviceId;
    private final ServiceSettings settings;
    private final Tracing tracing;
    private final FatalExit exit;
    private final Closer closer = new Closer();
    private final ServiceMetrics metrics;
    private final KafkaClients clients;
    private final EventTopics topics;
    private final Map<String, HealthIndicator> health = new LinkedHashMap<>();
    private final List<Consumer<RoutesConfig>> routes = new ArrayList<>();
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private volatile ServiceHttpServer http;

    private ServiceRuntime(String serviceId, ServiceSettings settings, Tracing tracing, FatalExit exit) {
        this.serviceId = serviceId;
        this.settings = settings;
        this.tracing = closer.register("tracing", tracing);
        this.exit = exit;
        this.metrics = closer.register("metrics", new ServiceMetrics(serviceId));
        this.clients = closer.register("kafka-clients", new KafkaClients(settings.kafka(), serviceId));
        this.topics = EventTopics.resolve(settings.topicNamespace(), settings.topicPartitions(), clients.registry(),
                settings.kafka().registryConfig());
    }

    /**
     * Starts a service: creates the event topics and the service's dead-letter topic, runs {@code wiring} (which
     * declares the service's own topics, processing and routes and returns its handle), then starts HTTP. Port 0
     * picks a free port first, so the advertised URL is known to the wiring. On failure everything started is
     * closed and the error rethrown.
     */
    public static <T> T start(String serviceId, ServiceSettings requested, Tracing tracing, FatalExit exit,
                              Function<ServiceRuntime, T> wiring) {
        ServiceSettings settings = requested.httpPort() == 0
                ? requested.withHttpPort(freePort(requested.httpHost())) : requested;
        ServiceRuntime runtime = new ServiceRuntime(serviceId, settings, tracing, exit);
        try {
            List<TypedTopic<?, ?>> shared = new ArrayList<>(runtime.topics.all());
            shared.add(Topics.deadLetterTopic(runtime.applicationId(), settings.topicPartitions()));
            runtime.createTopics(shared);
            T service = wiring.apply(runtime);
            runtime.startHttp();
            log.info("{} {} up: http://{}:{} advertised as {}, topics in namespace '{}'", serviceId,
                    settings.instanceId(), settings.httpHost(), runtime.port(), settings.advertisedUrl(),
                    settings.topicNamespace());
            return service;
        } catch (RuntimeException e) {
            try {
                runtime.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public String serviceId() {
        return serviceId;
    }

    /** The common settings, with the HTTP port resolved. */
    public ServiceSettings settings() {
        return settings;
    }

    /** The service's Streams application id or consumer group, in its namespace. */
    public String applicationId() {
        return settings.applicationId(serviceId);
    }

    public KafkaClients clients() {
        return clients;
    }

    public MeterRegistry metrics() {
        return metrics.registry();
    }

    public Tracing tracing() {
        return tracing;
    }

    /** The event topics in this deployment's namespace, with their serdes. */
    public EventTopics topics() {
        return topics;
    }

    /** The service's dead-letter topic. */
    public String deadLetterTopic() {
        return Topics.deadLetter(applicationId());
    }

    /** Creates the topics that do not exist yet (bounded by {@link #ADMIN_TIMEOUT}). */
    public void createTopics(List<? extends TypedTopic<?, ?>> declared) {
        withTopicAdmin(admin -> admin.ensure(declared.stream()
                .map(topic -> new TopicInitializer.Spec(topic.name(), topic.settings())).toList()));
    }

    /** Runs {@code work} with a topic admin (partition counts, co-partitioning checks), closed afterwards. */
    public void withTopicAdmin(Consumer<TopicInitializer> work) {
        try (Admin admin = clients.admin()) {
            work.accept(new TopicInitializer(admin, ADMIN_TIMEOUT));
        }
    }

    /** Registers a component started by the service; closed before everything registered earlier. */
    public <C extends AutoCloseable> C own(String name, C component) {
        return closer.register(name, component);
    }

    /** Adds a readiness check to {@code /health}. */
    public void health(String name, HealthIndicator indicator) {
        health.put(name, indicator);
    }

    /** Adds the service's own HTTP routes. */
    public void routes(Consumer<RoutesConfig> serviceRoutes) {
        routes.add(serviceRoutes);
    }

    /** Starts a topology exactly-once under the runtime's failure policy; see {@link StreamsLifecycle}. */
    public KafkaStreams runStreams(Topology topology, StreamsOptions options) {
        return StreamsLifecycle.start(this, topology, options);
    }

    /** Starts a transactional loop under the runtime's failure policy; see {@link LoopLifecycle}. */
    public TransactionalLoop runLoop(TransactionalLoop loop) {
        return LoopLifecycle.start(this, loop);
    }

    /**
     * The failure policy: {@code component} cannot recover, so readiness and liveness turn DOWN and the process
     * exits with status 1 (on a thread of its own: the caller may be a thread the shutdown has to wait for).
     */
    public void failed(String component, String reason) {
        if (!fatal.compareAndSet(null, component + ": " + reason)) {
            return;
        }
        log.error("{} {} cannot recover ({}: {}); exiting so that it is restarted", serviceId,
                settings.instanceId(), component, reason);
        Thread exiting = new Thread(() -> exit.exit(1), serviceId + "-fatal-exit");
        exiting.setDaemon(true);
        exiting.start();
    }

    /** Why the service failed, or null while it is healthy. */
    public String failure() {
        return fatal.get();
    }

    /** The port HTTP listens on. */
    public int port() {
        return http == null ? settings.httpPort() : http.port();
    }

    /** Base URL of this instance's HTTP API. */
    public String baseUrl() {
        return "http://" + settings.advertisedHost() + ":" + port();
    }

    public String scrapeMetrics() {
        return metrics.scrape();
    }

    private void startHttp() {
        Map<String, HealthIndicator> checks = new LinkedHashMap<>(health);
        HealthIndicator alive = () -> fatal.get() == null ? Health.up("running") : Health.down(fatal.get());
        checks.put("runtime", alive);
        http = closer.register("http", ServiceHttpServer.start(serviceId, settings.httpHost(), settings.httpPort(),
                metrics, checks, alive, all -> routes.forEach(r -> r.accept(all))));
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
