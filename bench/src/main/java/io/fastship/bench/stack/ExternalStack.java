package io.fastship.bench.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.bench.memory.ProcessMemory;
import io.fastship.localstack.RunningStack;
import io.fastship.localstack.StackStatus;
import io.fastship.localstack.process.ServiceKind;

/**
 * A stack someone else runs, reached by its addresses. With the data directory of a running {@code fastship up}
 * the bench can also scale it and read its processes' memory; closing leaves it running.
 */
public final class ExternalStack implements StackHandle {

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final String orderServiceUrl;
    private final String topicNamespace;
    private final Optional<Path> stackDir;
    private final Optional<Long> brokerPid;
    private final Map<String, Long> givenPids;
    private final BenchCredentials credentials;

    public ExternalStack(String bootstrapServers, String schemaRegistryUrl, String orderServiceUrl,
                         String topicNamespace, Optional<Path> stackDir, Optional<Long> brokerPid,
                         Map<String, Long> givenPids, BenchCredentials credentials) {
        this.credentials = credentials;
        this.givenPids = Map.copyOf(givenPids);
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.orderServiceUrl = orderServiceUrl;
        this.topicNamespace = topicNamespace;
        this.stackDir = stackDir;
        this.brokerPid = brokerPid;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    @Override
    public String orderServiceUrl() {
        return orderServiceUrl;
    }

    @Override
    public String topicNamespace() {
        return topicNamespace;
    }

    @Override
    public BenchCredentials credentials() {
        return credentials;
    }

    @Override
    public boolean canScale() {
        return stackDir.isPresent();
    }

    @Override
    public void scale(ServiceKind kind, int instances) {
        RunningStack.scale(stackDir.orElseThrow(() -> new IllegalStateException(
                "scaling an existing stack needs --stack-dir (the data directory of ./fastship up)")), kind, instances);
    }

    @Override
    public List<ProcessMemory> memory() {
        java.util.ArrayList<ProcessMemory> all = new java.util.ArrayList<>();
        brokerPid.ifPresent(pid -> all.add(ProcessMemory.measure("kafka-broker", pid)));
        stackDir.ifPresent(dir -> {
            StackStatus status = RunningStack.query(dir);
            status.instances().forEach(instance -> all.add(ProcessMemory.measure(instance.name(), instance.pid())));
        });
        return all;
    }

    /** {@code --broker-pid}, the instances of {@code --stack-dir}'s status, then {@code --pid name=PID} (wins). */
    @Override
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        brokerPid.ifPresent(pid -> pids.put("broker-1", pid));
        stackDir.ifPresent(dir -> RunningStack.query(dir).instances()
                .forEach(instance -> pids.put(instance.name(), instance.pid())));
        pids.putAll(givenPids);
        pids.put("bench", ProcessHandle.current().pid());
        return pids;
    }

    @Override
    public Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        stackDir.ifPresent(dir -> RunningStack.query(dir).instances()
                .forEach(instance -> urls.put(instance.name(), instance.url())));
        if (urls.isEmpty()) {
            urls.put("order", orderServiceUrl);
        }
        return urls;
    }

    /** Through {@code fastship scale} of the running stack: down by one, then up again, timed. */
    @Override
    public Optional<Duration> restartOne(ServiceKind kind) {
        if (stackDir.isEmpty()) {
            return Optional.empty();
        }
        long count = RunningStack.query(stackDir.get()).instances().stream()
                .filter(instance -> instance.service().equals(kind.shortName())).count();
        if (count == 0) {
            return Optional.empty();
        }
        scale(kind, (int) count - 1);
        long started = System.nanoTime();
        scale(kind, (int) count);
        return Optional.of(Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String description() {
        return "existing " + (credentials.secure() ? "secure " : "") + "stack at " + bootstrapServers
                + " (orders at " + orderServiceUrl + ")";
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
