package io.fastship.localstack.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a {@link KafkaStack}: one real broker per test JVM, started on first use and shared by every
 * test class, stopped when the JVM's test run ends.
 *
 * <p>{@code KAFKA_BOOTSTRAP_SERVERS} points the tests at an external cluster instead, and
 * {@code SCHEMA_REGISTRY_URL} at an external registry.
 */
public final class KafkaStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    /** The shared stack, for fixtures (e.g. {@code @BeforeAll}) that cannot take a parameter. */
    public static KafkaStack stack(ExtensionContext context) {
        // The root store lives as long as the JVM's test plan, and closes the stack when it ends.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedKafkaStack.class, key -> SharedKafkaStack.fromEnvironment(System.getenv()),
                        SharedKafkaStack.class);
    }
}
