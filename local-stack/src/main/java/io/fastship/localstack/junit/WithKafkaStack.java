package io.fastship.localstack.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the shared real broker; its methods may take a {@link KafkaStack} parameter.
 * {@code @WithKafkaStack(brokers = 3)} asks for a 3-node KRaft cluster instead, shared by every class of the test
 * JVM that asks for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaStackExtension.class)
@Tag("kafka")
public @interface WithKafkaStack {

    /** Broker processes: 1 (the default, or an external cluster from KAFKA_BOOTSTRAP_SERVERS) or 3. */
    int brokers() default 1;
}
