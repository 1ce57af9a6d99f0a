package io.fastship.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.process.ServiceKind;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole system as {@code ./fastship up} runs it — a broker process, the registry and every service as its
 * own JVM from its packaged jar — started once per test JVM on free ports and shared by the system tests, stopped
 * when that JVM exits.
 * Its data and every service's log stay in {@code target/system-stack-<pid of the test JVM>} for a look after a failure.
 */
final class SystemStack implements ParameterResolver {

    private static LocalStack shared;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared();
    }

    // Not in JUnit's root store: with two forks, Maven runs a test plan per class, so the stack would start again
    // for every class. A shutdown hook closes it when the fork's JVM exits.
    private static synchronized LocalStack shared() {
        if (shared == null) {
            LocalStack stack = start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-stack-stop"));
            shared = stack;
        }
        return shared;
    }

    private static LocalStack start() {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        // One directory per test JVM: two forks may each start this stack, and each wipes its directory first.
        Path dataDir = Path.of("target", "system-stack-" + ProcessHandle.current().pid()).toAbsolutePath();
        try {
            if (Files.exists(dataDir)) {
                try (var paths = Files.walk(dataDir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var options = new LocalStackOptions(repository, dataDir, false, 6,
                Map.of(ServiceKind.ORDER, 1, ServiceKind.PAYMENT, 1, ServiceKind.INVENTORY, 1),
                // A killed payment instance's open transaction holds its partitions' readers until it times out
                // (another instance cannot fence a transactional id it does not share): 15 s, not the default 60 s,
                // which needs batches shorter than the default 10 s deadline.
                Map.of("PAYMENT_GATEWAY_LATENCY_MS", "0", "ORDER_DEADLINE", "120s", "PAYMENT_BATCH_DEADLINE", "5s",
                        "PAYMENT_TRANSACTION_TIMEOUT", "15s"),
                Optional.empty(), 100, 1000);
        return LocalStack.start(options);
    }
}
