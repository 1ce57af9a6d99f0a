package io.fastship.bench.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} as a separate JVM on the broker's classpath:
 * the limit of one well-configured producer on that broker, for a given record size.
 */
public final class ProducerPerformanceRun {

    static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

    /**
     * What to send: {@code producerProps} go to {@code --command-property} as {@code key=value}; a secure stack's
     * credentials go in {@code commandConfig}, a properties file, so no password shows on a command line.
     */
    public record Spec(String bootstrapServers, String topic, long records, int recordSize,
                       Map<String, String> producerProps, Optional<Path> commandConfig) {

        /** An open stack's run. */
        public Spec(String bootstrapServers, String topic, long records, int recordSize,
                    Map<String, String> producerProps) {
            this(bootstrapServers, topic, records, recordSize, producerProps, Optional.empty());
        }

        public Spec {
            if (records < 1) {
                throw new IllegalArgumentException("records must be >= 1, was " + records);
            }
            if (recordSize < 1) {
                throw new IllegalArgumentException("recordSize must be >= 1, was " + recordSize);
            }
            producerProps = Map.copyOf(producerProps);
        }

        /** The producer settings the services use for their own writes: all replicas, idempotent. */
        public static Map<String, String> durableProducer() {
            return Map.of("acks", "all", "enable.idempotence", "true");
        }
    }

    private ProducerPerformanceRun() {
    }

    /** The command line of the tool's JVM; the locale is fixed so the numbers it prints parse the same everywhere. */
    static List<String> command(String javaExecutable, String classpath, Spec spec) {
        List<String> command = new ArrayList<>(List.of(javaExecutable, "-Xms256m", "-Xmx512m",
                "-Duser.language=en", "-Duser.country=US", "-cp", classpath, MAIN_CLASS,
                "--topic", spec.topic(),
                "--num-records", Long.toString(spec.records()),
                "--record-size", Integer.toString(spec.recordSize()),
                "--throughput", "-1"));
        spec.commandConfig().ifPresent(file -> command.addAll(List.of("--command-config", file.toString())));
        command.addAll(List.of("--command-property", "bootstrap.servers=" + spec.bootstrapServers()));
        spec.producerProps().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> command.add(e.getKey() + "=" + e.getValue()));
        return command;
    }

    /**
     * Runs the tool and returns its totals; each output line is also handed to {@code lines} as it comes
     * (the tool prints progress every five seconds).
     */
    public static ProducerPerformanceResult run(String classpath, Spec spec, Duration timeout, Consumer<String> lines) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(command(java, classpath, spec)).redirectErrorStream(true);
        StringBuilder output = new StringBuilder();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + MAIN_CLASS, e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process ended; what it printed is in output
            }
        }, "producer-performance-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(MAIN_CLASS + " did not finish within " + timeout);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + MAIN_CLASS + " ran", e);
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(MAIN_CLASS + " exited with " + process.exitValue() + ":\n" + tail(text));
        }
        return ProducerPerformanceResult.parse(text).orElseThrow(() -> new IllegalStateException(
                MAIN_CLASS + " printed no total line:\n" + tail(text)));
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
