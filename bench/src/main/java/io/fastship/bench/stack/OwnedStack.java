package io.fastship.bench.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.bench.memory.ProcessMemory;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.ServiceProcess;

/** A {@link LocalStack} the bench started for itself and stops at the end. */
public final class OwnedStack implements StackHandle {

    /** The bench's JVM also runs the schema registry of a stack it starts. */
    public static final String BENCH_NAME = "bench+registry";

    private final LocalStack stack;
    private final String description;

    private OwnedStack(LocalStack stack, String description) {
        this.stack = stack;
        this.description = description;
    }

    public static OwnedStack start(LocalStackOptions options, String description) {
        return new OwnedStack(LocalStack.start(options), description);
    }

    @Override
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    @Override
    public String orderServiceUrl() {
        return stack.instances(ServiceKind.ORDER).stream().findFirst().map(ServiceProcess::baseUrl)
                .orElseThrow(() -> new IllegalStateException("the stack runs no order service"));
    }

    @Override
    public String topicNamespace() {
        return "";
    }

    @Override
    public BenchCredentials credentials() {
        return stack.security().map(BenchCredentials::of).orElse(BenchCredentials.OPEN);
    }

    @Override
    public boolean canScale() {
        return true;
    }

    @Override
    public void scale(ServiceKind kind, int instances) {
        stack.scale(kind, instances);
    }

    @Override
    public List<ProcessMemory> memory() {
        List<ProcessMemory> all = new ArrayList<>();
        all.add(ProcessMemory.measure("kafka-broker", stack.broker().pid()));
        for (ServiceProcess process : stack.allInstances()) {
            all.add(ProcessMemory.measure(process.name(), process.pid()));
        }
        // The schema registry runs inside the bench's own JVM, which also holds the bench's clients.
        all.add(ProcessMemory.measure(BENCH_NAME, ProcessHandle.current().pid()));
        return all;
    }

    @Override
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("broker-1", stack.broker().pid());
        stack.allInstances().forEach(process -> pids.put(process.name(), process.pid()));
        pids.put(BENCH_NAME, ProcessHandle.current().pid());
        return pids;
    }

    @Override
    public Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        stack.allInstances().forEach(process -> urls.put(process.name(), process.baseUrl()));
        return urls;
    }

    /** The newest instance stops; a new one (new name, empty state directory: a full restore) is timed. */
    @Override
    public Optional<Duration> restartOne(ServiceKind kind) {
        int count = stack.instances(kind).size();
        if (count == 0) {
            return Optional.empty();
        }
        stack.scale(kind, count - 1);
        long started = System.nanoTime();
        stack.scale(kind, count);
        return Optional.of(Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        stack.close();
    }
}
