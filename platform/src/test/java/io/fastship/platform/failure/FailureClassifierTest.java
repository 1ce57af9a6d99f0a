package io.fastship.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastship.platform.failure.FailureClassifier.Kind;
import io.fastship.schemas.registry.SchemaRegistryException;
import io.fastship.schemas.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void registryUnreachableAnywhereInTheChainIsTransient() {
        var error = new StreamsException(new SerializationException("cannot register",
                new SchemaRegistryUnavailableException("down", new java.net.ConnectException("refused"))));
        assertThat(FailureClassifier.classify(error)).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void registryServerErrorsAndThrottlingAreTransient() {
        assertThat(FailureClassifier.classify(new SerializationException("x",
                new SchemaRegistryException(503, -1, "unavailable")))).isEqualTo(Kind.TRANSIENT);
        assertThat(FailureClassifier.classify(new SchemaRegistryException(429, -1, "slow down")))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void timeoutsAreTransient() {
        assertThat(FailureClassifier.classify(new StreamsException(new TimeoutException("metadata"))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(FailureClassifier.classify(new RuntimeException(new java.net.http.HttpTimeoutException("slow"))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void anUnknownSchemaIdOrBadBytesArePoison() {
        assertThat(FailureClassifier.classify(new SerializationException("x",
                new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "no such id"))))
                .isEqualTo(Kind.POISON);
        assertThat(FailureClassifier.classify(new SerializationException("unknown magic byte")))
                .isEqualTo(Kind.POISON);
        assertThat(FailureClassifier.classify(new IllegalArgumentException("key does not match")))
                .isEqualTo(Kind.POISON);
    }
}
