package io.fastship.schemas.serde;

import io.fastship.schemas.registry.SchemaRegistryAuthenticationException;
import io.fastship.schemas.registry.SchemaRegistryAuthorizationException;
import io.fastship.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SerializationException;

/** Maps registry failures to the Kafka exceptions a producer or consumer expects from a serde. */
final class RegistryFailures {

    private RegistryFailures() {
    }

    /** 401/403 stay recognisable as auth problems; everything else is a serialization failure. */
    static RuntimeException translate(SchemaRegistryException e, String context) {
        if (e instanceof SchemaRegistryAuthenticationException) {
            return new AuthenticationException(context + ": " + e.getMessage(), e);
        }
        if (e instanceof SchemaRegistryAuthorizationException) {
            return new AuthorizationException(context + ": " + e.getMessage(), e);
        }
        return new SerializationException(context + ": " + e.getMessage(), e);
    }
}
