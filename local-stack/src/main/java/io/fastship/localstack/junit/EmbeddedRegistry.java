package io.fastship.localstack.junit;

import io.fastship.registry.SchemaRegistryConfig;
import io.fastship.registry.SchemaRegistryServer;

/** The registry inside the test JVM: starts on a free port, and restarts on that same port after a stop. */
final class EmbeddedRegistry implements RegistryControl, AutoCloseable {

    private final String bootstrapServers;
    private SchemaRegistryServer server;
    private int port;

    EmbeddedRegistry(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        start();
    }

    @Override
    public synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public synchronized void start() {
        if (server == null) {
            server = SchemaRegistryServer.start(new SchemaRegistryConfig(bootstrapServers, "127.0.0.1", port,
                    SchemaRegistryConfig.DEFAULT_TOPIC));
            port = Integer.parseInt(server.url().substring(server.url().lastIndexOf(':') + 1));
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }
}
