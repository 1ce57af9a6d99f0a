package io.fastship.bench.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.bench.memory.ProcessMemory;
import io.fastship.localstack.process.ServiceKind;

/** The system under test: where to reach it, and, when the bench may, how to scale it and measure its processes. */
public interface StackHandle extends AutoCloseable {

    String bootstrapServers();

    String schemaRegistryUrl();

    String orderServiceUrl();

    /** Topic namespace of the services ({@code TOPIC_NAMESPACE}); empty for none. */
    String topicNamespace();

    /** Who the bench is towards this stack: nobody on an open one, tools, bench and operations on a secure one. */
    BenchCredentials credentials();

    /** Whether {@link #scale} works: the bench started the stack, or knows the data directory of a running one. */
    boolean canScale();

    /** Runs {@code instances} instances of {@code kind}; returns once new ones are healthy. */
    void scale(ServiceKind kind, int instances);

    /** Resident memory of each process of the stack that the bench knows, now. */
    List<ProcessMemory> memory();

    /**
     * Pid of every process the bench can measure, by name ({@code broker-1}, {@code order-1}, ...), the bench's
     * own JVM included under a name starting with {@code bench}.
     */
    Map<String, Long> pids();

    /** Base URL of every service instance the bench knows, by name (for {@code /metrics}). */
    Map<String, String> serviceUrls();

    /**
     * Stops one instance of {@code kind} and starts one again; the time from the start until it is healthy,
     * or empty when this stack cannot be restarted by the bench.
     */
    Optional<Duration> restartOne(ServiceKind kind);

    /** One line saying what this stack is. */
    String description();

    @Override
    void close();
}
