package io.fastship.localstack.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
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

    /** The shared stack of the size the test class asks for, for fixtures (e.g. {@code @BeforeAll}) that cannot take a parameter. */
    public static KafkaStack stack(ExtensionContext context) {
        int brokers = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, WithKafkaStack.class))
                .map(WithKafkaStack::brokers).orElse(1);
        return stack(context, brokers);
    }

    /** The shared stack with {@code brokers} brokers: one per size per test JVM. */
    public static KafkaStack stack(ExtensionContext context, int brokers) {
        // The root store lives as long as the JVM's test plan, and closes the stack when it ends.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("brokers-" + brokers, key -> SharedKafkaStack.fromEnvironment(System.getenv(), brokers),
                        SharedKafkaStack.class);
    }
}
