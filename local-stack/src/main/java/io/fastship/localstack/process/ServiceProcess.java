package io.fastship.localstack.process;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One FastShip service instance running as its own JVM. A restart (by the supervisor or a fault) starts the
 * same instance again: same INSTANCE_ID, port, state directory and log.
 */
public final class ServiceProcess implements SupervisedJvm, AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final ServiceKind kind;
    private final int httpPort;
    private final JvmProcess jvm;

    private ServiceProcess(ServiceKind kind, int httpPort, JvmProcess jvm) {
        this.kind = kind;
        this.httpPort = httpPort;
        this.jvm = jvm;
    }

    /** What to start: which service, as which instance, with which environment. */
    public record Spec(ServiceKind kind, String name, int httpPort, String classpath, Map<String, String> env,
                       List<String> jvmArgs, Path logFile, Optional<PrintStream> console) {
    }

    public static ServiceProcess start(Spec spec) {
        JvmProcess jvm = JvmProcess.start(new JvmProcess.Spec(spec.name(), spec.kind().mainClass(), spec.classpath(),
                spec.env(), spec.jvmArgs(), spec.logFile(), spec.console()));
        return new ServiceProcess(spec.kind(), spec.httpPort(), jvm);
    }

    /** Waits until {@code GET /health} answers 200, failing fast if the process exits first. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        jvm.awaitHealthy(URI.create(baseUrl() + "/health"), timeout);
        return this;
    }

    @Override
    public String name() {
        return jvm.name();
    }

    public ServiceKind kind() {
        return kind;
    }

    @Override
    public String kindName() {
        return kind.shortName();
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String address() {
        return baseUrl();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    public Path logFile() {
        return jvm.spec().logFile();
    }

    @Override
    public void awaitReady() {
        awaitHealthy(READY_TIMEOUT);
    }

    @Override
    public JvmProcess jvm() {
        return jvm;
    }

    /** Stops with SIGTERM (the service's shutdown hook closes it cleanly), SIGKILL after 30 s. */
    @Override
    public void close() {
        jvm.stop(STOP_TIMEOUT);
    }
}
