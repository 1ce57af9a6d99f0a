package io.fastship.localstack.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.process.ChildJvm;
import io.fastship.localstack.process.FreePorts;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A genuine Apache Kafka broker (KRaft combined mode) running as its own JVM process, started from the
 * Kafka server jars on Maven Central exactly as {@code kafka-server-start.sh} would start it.
 *
 * <p>Storage is formatted on first start; later starts on the same data directory keep every topic and
 * record. {@link #close()} stops the broker cleanly (SIGTERM), {@link #kill()} kills it hard (SIGKILL)
 * for fault tests.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);

    private final BrokerConfig config;
    private final BrokerLayout layout;
    private final Process process;

    private KafkaBroker(BrokerConfig config, BrokerLayout layout, Process process) {
        this.config = config;
        this.layout = layout;
        this.process = process;
    }

    /** Starts the broker and returns once it answers metadata requests, or fails within {@code readyTimeout}. */
    public static KafkaBroker start(BrokerConfig requested, Duration readyTimeout) {
        return startAll(List.of(requested), readyTimeout).get(0);
    }

    /**
     * Starts every node of a cluster at once (a controller quorum only forms once a majority runs), then
     * waits until each answers metadata requests. Ports that are 0 must have been resolved by the caller
     * when there is more than one node, since the quorum's voters name them.
     */
    public static List<KafkaBroker> startAll(List<BrokerConfig> requested, Duration readyTimeout) {
        String classpath = BrokerClasspath.resolve();
        long started = System.nanoTime();
        List<KafkaBroker> brokers = new ArrayList<>();
        try {
            List<BrokerConfig> configs = requested.stream().map(KafkaBroker::withResolvedPorts).toList();
            List<BrokerLayout> layouts = configs.stream().map(BrokerLayout::prepare).toList();
            for (int i = 0; i < configs.size(); i++) {
                layouts.get(i).checkSecurityMatches(configs.get(i).security());
            }
            List<Process> formatters = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                formatters.add(layouts.get(i).isFormatted() ? null : startFormat(configs.get(i), layouts.get(i), classpath));
            }
            for (int i = 0; i < configs.size(); i++) {
                if (formatters.get(i) != null) {
                    awaitFormatted(formatters.get(i), configs.get(i), layouts.get(i));
                }
            }
            for (int i = 0; i < configs.size(); i++) {
                brokers.add(new KafkaBroker(configs.get(i), layouts.get(i), launch(configs.get(i), layouts.get(i), classpath)));
            }
            for (KafkaBroker broker : brokers) {
                broker.awaitReady(readyTimeout);
            }
        } catch (RuntimeException e) {
            brokers.forEach(KafkaBroker::kill);
            throw e;
        }
        for (KafkaBroker broker : brokers) {
            log.info("Kafka broker {} ready at {} in {} ms (pid {}, data {})", broker.config.membership().nodeId(),
                    broker.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    broker.pid(), broker.config.dataDir());
        }
        return brokers;
    }

    private void awaitReady(Duration timeout) {
        new BrokerReadiness(config.bootstrapServers(), config.membership().nodeId(), config.security().adminClientConfig(), process,
                layout.outputFile()).await(timeout);
    }

    /** Starts with a 90 second readiness bound, enough for a cold JVM on a busy 2-core machine. */
    public static KafkaBroker start(BrokerConfig config) {
        return start(config, Duration.ofSeconds(90));
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** The config with the ports actually taken, to restart a broker on the same address and data. */
    public BrokerConfig config() {
        return config;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return layout.outputFile();
    }

    /** SIGTERM without waiting, so the nodes of a cluster stop in parallel; see {@link #awaitExit}. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the process to exit; returns whether it did. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the broker process at once (SIGKILL), as a crash would: no controlled shutdown. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
    }

    /** Stops the broker with SIGTERM (Kafka's controlled shutdown), falling back to SIGKILL after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(STOP_TIMEOUT)) {
            log.warn("Kafka broker {} did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
            kill();
        }
    }

    private static BrokerConfig withResolvedPorts(BrokerConfig config) {
        if (config.port() != 0 && config.controllerPort() != 0 && config.controllerPort() != config.port()) {
            return config;
        }
        // three, so that two remain when one of them is the port already given
        PrimitiveIterator.OfInt free = Arrays.stream(FreePorts.distinct(config.host(), 3))
                .filter(candidate -> candidate != config.port()).iterator();
        int port = config.port() != 0 ? config.port() : free.nextInt();
        int controllerPort = config.controllerPort() != 0 && config.controllerPort() != port
                ? config.controllerPort() : free.nextInt();
        return config.withPorts(port, controllerPort);
    }

    /** Starts Kafka's StorageTool for one node; {@link #awaitFormatted} waits for it, so nodes format in parallel. */
    private static Process startFormat(BrokerConfig config, BrokerLayout layout, String classpath) {
        String clusterId = config.membership().clusterId().isEmpty()
                ? Uuid.randomUuid().toString() : config.membership().clusterId();
        List<String> command = javaCommand(classpath, "256m");
        // Transactions version 1: with version 2 a Streams producer's transaction was seen stuck in
        // CONCURRENT_TRANSACTIONS after kill -9 of its coordinator's broker until that broker came back (the fault
        // suite's leader kill; cf. KAFKA-19999, markers of a reloaded PREPARE_COMMIT rejected for their epoch).
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", layout.serverProperties().toString(), "--ignore-formatted", "--feature", "transaction.version=1"));
        if (config.security().enabled()) {
            command.addAll(config.security().formatArguments());
        }
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.outputFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Kafka's StorageTool", e);
        }
    }

    private static void awaitFormatted(Process formatter, BrokerConfig config, BrokerLayout layout) {
        try {
            if (!formatter.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage took longer than " + FORMAT_TIMEOUT);
            }
            if (formatter.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + config.dataDir() + " failed (exit "
                        + formatter.exitValue() + "): " + ChildJvm.tail(layout.outputFile()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
        log.info("Formatted Kafka storage in {}", config.dataDir());
    }

    private static Process launch(BrokerConfig config, BrokerLayout layout, String classpath) {
        List<String> command = javaCommand(classpath, config.maxHeap());
        command.add("-Dlogback.configurationFile=" + layout.logbackConfig());
        command.add(ParentWatchingLauncher.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("kafka.Kafka");
        command.add(layout.serverProperties().toString());
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.outputFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker JVM", e);
        }
    }

    private static List<String> javaCommand(String classpath, String maxHeap) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        // -Xms = -Xmx as Kafka's own start script sets it, and pre-touched, so RSS is flat from the start.
        command.add("-Xms" + maxHeap);
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+AlwaysPreTouch");
        command.add("-XX:+UseG1GC");
        command.add("-XX:MaxGCPauseMillis=20");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classpath);
        return command;
    }
}
