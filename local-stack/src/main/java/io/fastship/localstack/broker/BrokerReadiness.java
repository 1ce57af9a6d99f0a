package io.fastship.localstack.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.localstack.process.ChildJvm;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Waits until a freshly started broker serves metadata as the node it was started as, failing fast if its
 * process dies meanwhile.
 */
final class BrokerReadiness {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final int nodeId;
    private final Map<String, String> clientConfig;
    private final Process process;
    private final Path output;

    BrokerReadiness(String bootstrapServers, int nodeId, Map<String, String> clientConfig, Process process, Path output) {
        this.bootstrapServers = bootstrapServers;
        this.nodeId = nodeId;
        this.clientConfig = clientConfig;
        this.process = process;
        this.output = output;
    }

    void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = new java.util.HashMap<>(clientConfig);
        adminConfig.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.CLIENT_ID_CONFIG, "fastship-broker-readiness"));
        // The admin client logs every refused connection; wait for the listener before creating it.
        awaitListener(deadline, timeout);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                checkAlive();
                if (answers(admin)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready within "
                            + timeout + "; its log " + output + " ends with:\n" + ChildJvm.tail(output));
                }
                pause();
            }
        }
    }

    private void awaitListener(long deadline, Duration timeout) {
        int colon = bootstrapServers.lastIndexOf(':');
        String host = bootstrapServers.substring(0, colon);
        int port = Integer.parseInt(bootstrapServers.substring(colon + 1));
        while (true) {
            checkAlive();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) PAUSE.toMillis());
                return;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not listening within "
                        + timeout + "; its log " + output + " ends with:\n" + ChildJvm.tail(output));
            }
            pause();
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka broker process exited with " + process.exitValue()
                    + " before it was ready; its log " + output + " ends with:\n" + ChildJvm.tail(output));
        }
    }

    /**
     * Whether metadata is served and lists this node at this address: another process answering on the port
     * (a port handed out twice) would otherwise pass for this broker while this one exits unseen.
     */
    private boolean answers(Admin admin) {
        try {
            admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return admin.describeCluster().nodes().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .anyMatch(node -> node.id() == nodeId && bootstrapServers.equals(node.host() + ":" + node.port()));
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private void pause() {
        try {
            process.waitFor(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
