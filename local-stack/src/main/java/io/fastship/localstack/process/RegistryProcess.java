package io.fastship.localstack.process;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.localstack.broker.BrokerClasspath;

/**
 * The schema registry as its own JVM under the launcher, so it can go down and come back (same port, same
 * schemas topic) without the rest of the stack.
 */
public final class RegistryProcess implements SupervisedJvm, AutoCloseable {

    /** Main class of the schema-registry module. */
    public static final String MAIN_CLASS = "io.fastship.registry.SchemaRegistryMain";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final JvmProcess jvm;

    private RegistryProcess(int port, JvmProcess jvm) {
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts the registry on {@code port} against {@code bootstrapServers} and waits until it serves. */
    public static RegistryProcess start(String bootstrapServers, int port, Path logFile, Optional<PrintStream> console) {
        return start(bootstrapServers, port, Map.of(), logFile, console);
    }

    /** As {@link #start(String, int, Path, Optional)}, with more environment (Kafka credentials, basic-auth users). */
    public static RegistryProcess start(String bootstrapServers, int port, Map<String, String> extraEnv, Path logFile,
                                        Optional<PrintStream> console) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SCHEMA_REGISTRY_HOST", "127.0.0.1", "SCHEMA_REGISTRY_PORT", Integer.toString(port)));
        // The stack's own classpath holds the registry module and its dependencies.
        JvmProcess jvm = JvmProcess.start(new JvmProcess.Spec("registry", MAIN_CLASS, BrokerClasspath.resolve(), env,
                List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), logFile, console));
        RegistryProcess registry = new RegistryProcess(port, jvm);
        try {
            registry.awaitReady();
        } catch (RuntimeException e) {
            jvm.kill();
            throw e;
        }
        return registry;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return jvm.name();
    }

    @Override
    public String kindName() {
        return "registry";
    }

    @Override
    public String address() {
        return url();
    }

    @Override
    public void awaitReady() {
                // "/" answers without credentials even behind basic auth, and only once the schemas topic is replayed.
        jvm.awaitHealthy(URI.create(url() + "/"), READY_TIMEOUT);
    }

    @Override
    public JvmProcess jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.stop(STOP_TIMEOUT);
    }
}
