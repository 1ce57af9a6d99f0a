package io.fastship.bench.stack;

import java.util.ArrayList;
import java.util.List;

import io.fastship.bench.memory.ProcessMemory;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.ServiceProcess;

/** A {@link LocalStack} the bench started for itself and stops at the end. */
public final class OwnedStack implements StackHandle {

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
        all.add(ProcessMemory.measure("bench+registry", ProcessHandle.current().pid()));
        return all;
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
