package io.fastship.bench.stack;

import io.fastship.localstack.security.ClientSettings;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;

/** The bench's Kafka and registry clients of a stack, connecting as one of its principals (or openly). */
public final class StackClients {

    private StackClients() {
    }

    /** Clients that read (tails, lags, probes, the registry): as the tools principal on a secure stack. */
    public static KafkaClients reader(StackHandle stack) {
        return as(stack, stack.credentials().reader());
    }

    /** Clients connecting with {@code settings}: Kafka's part to every client, the registry's to the serdes. */
    public static KafkaClients as(StackHandle stack, ClientSettings settings) {
        return new KafkaClients(new KafkaConnection(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                settings.kafka(), settings.registry()), "bench");
    }
}
