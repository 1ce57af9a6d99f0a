package io.fastship.registry;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded Confluent-compatible schema registry: HTTP on top, the Kafka schemas topic underneath. */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);

    private final Javalin http;
    private final KafkaSchemaLog schemaLog;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SchemaRegistryServer(Javalin http, KafkaSchemaLog schemaLog, String url) {
        this.http = http;
        this.schemaLog = schemaLog;
        this.url = url;
    }

    /** Starts a registry that keeps its schemas in the configured topic, serving once the topic is replayed. */
    public static SchemaRegistryServer start(SchemaRegistryConfig config) {
        RegistryState state = new RegistryState();
        LogCodec codec = new LogCodec();
        KafkaSchemaLog schemaLog = KafkaSchemaLog.open(config.bootstrapServers(), config.kafkaClient(), config.topic(),
                (key, value) -> codec.decode(key, value).ifPresent(state::apply), OPERATION_TIMEOUT);
        try {
            SchemaRegistryService service = new SchemaRegistryService(state, schemaLog, codec,
                    new CompatibilityChecker(), new AvroSchemaParser(), OPERATION_TIMEOUT);
            RegistryRoutes routes = new RegistryRoutes(service, new ErrorMapper());
            Javalin http = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jetty.host = config.host();
                javalin.jetty.port = config.port();
                if (!config.users().isEmpty()) {
                    BasicAuth auth = new BasicAuth(config.users());
                    javalin.routes.before(auth::check);
                }
                routes.register(javalin.routes);
            }).start();
            String url = "http://" + config.host() + ":" + http.port();
            log.info("Schema registry on {} serving topic {} of {}{}", url, config.topic(), config.bootstrapServers(),
                    config.users().isEmpty() ? " (open: no basic-auth users)" : " behind basic auth");
            return new SchemaRegistryServer(http, schemaLog, url);
        } catch (RuntimeException e) {
            schemaLog.close();
            throw e;
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    /** Stops taking requests first, then the topic reader and writer; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException first = null;
        try {
            http.stop();
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            schemaLog.close();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        log.info("Schema registry on {} stopped", url);
        if (first != null) {
            throw first;
        }
    }
}
