package io.fastship.localstack.registry;

/** Placeholder: the embedded Confluent-compatible schema registry (being written). */
public final class SchemaRegistryServer implements AutoCloseable {

    private SchemaRegistryServer() {
    }

    /** Starts a registry that keeps its schemas in the {@code _schemas} topic of the given cluster. */
    public static SchemaRegistryServer start(SchemaRegistryConfig config) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public void close() {
    }
}
