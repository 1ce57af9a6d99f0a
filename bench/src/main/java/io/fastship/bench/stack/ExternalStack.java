package io.fastship.bench.stack;

import java.nio.file.Path;
import java.util.List;
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

    public ExternalStack(String bootstrapServers, String schemaRegistryUrl, String orderServiceUrl,
                         String topicNamespace, Optional<Path> stackDir, Optional<Long> brokerPid) {
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

    @Override
    public String description() {
        return "existing stack at " + bootstrapServers + " (orders at " + orderServiceUrl + ")";
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
