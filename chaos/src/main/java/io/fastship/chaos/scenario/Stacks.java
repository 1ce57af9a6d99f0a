package io.fastship.chaos.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.fastship.localstack.LocalStack;
import io.fastship.localstack.RunningStack;
import io.fastship.localstack.StackStatus;
import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.StackProcess;
import io.fastship.localstack.security.ClientSettings;
import io.fastship.localstack.security.StackSecurity;

/** The two kinds of stack a scenario runs against: one in this JVM, or one {@code ./fastship up} runs elsewhere. */
public final class Stacks {

    private Stacks() {
    }

    /** Faults through the stack this JVM started. */
    public static FaultSink sink(LocalStack stack) {
        return new FaultSink() {
            @Override
            public void fire(Fault fault) {
                stack.inject(fault);
            }

            @Override
            public Set<String> targets() {
                return stack.processes().stream().map(StackProcess::name).collect(Collectors.toSet());
            }
        };
    }

    /** Faults through the loopback control endpoint of the stack running on {@code dataDir}. */
    public static FaultSink sink(Path dataDir) {
        return new FaultSink() {
            @Override
            public void fire(Fault fault) {
                RunningStack.fault(dataDir, fault);
            }

            @Override
            public Set<String> targets() {
                return RunningStack.query(dataDir).processes().stream().map(StackStatus.ProcessStatus::name)
                        .collect(Collectors.toSet());
            }
        };
    }

    public static Endpoints endpoints(LocalStack stack) {
        List<String> orders = stack.instances(ServiceKind.ORDER).stream().map(p -> p.baseUrl()).toList();
        Optional<String> inventory = stack.instances(ServiceKind.INVENTORY).stream().map(p -> p.baseUrl()).findFirst();
        Optional<String> gateway = stack.processes().stream().filter(p -> p.kindName().equals("gateway"))
                .map(StackProcess::address).findFirst();
        ClientSettings security = stack.security()
                .map(s -> ClientSettings.load(s.propertiesOf(StackSecurity.TOOLS))).orElse(ClientSettings.NONE);
        return new Endpoints(stack.bootstrapServers(), stack.schemaRegistryUrl(), orders, gateway, inventory, security);
    }

    public static Endpoints endpoints(Path dataDir) {
        StackStatus status = RunningStack.query(dataDir);
        List<String> orders = status.instances().stream().filter(i -> i.service().equals("order"))
                .map(StackStatus.Instance::url).toList();
        Optional<String> inventory = status.instances().stream().filter(i -> i.service().equals("inventory"))
                .map(StackStatus.Instance::url).findFirst();
        Optional<String> gateway = status.processes().stream().filter(p -> "gateway".equals(p.kind()))
                .map(StackStatus.ProcessStatus::url).findFirst();
        // A stack started with --secure left the tools' credentials in its data directory.
        ClientSettings security = ClientSettings.ofTools(dataDir).orElse(ClientSettings.NONE);
        return new Endpoints(status.kafkaBootstrap(), status.schemaRegistry(), orders, gateway, inventory, security);
    }
}
