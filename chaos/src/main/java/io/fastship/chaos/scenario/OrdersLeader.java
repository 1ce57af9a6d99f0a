package io.fastship.chaos.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.localstack.fault.Fault;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * The fault target {@code orders-leader}: the broker leading partition 0 of {@code orders} when the fault fires,
 * asked of the cluster itself. Resolved late because leadership moves with every earlier broker fault.
 */
final class OrdersLeader {

    /** The target name a scenario uses for it, e.g. {@code 140s:orders-leader:kill}. */
    static final String TARGET = "orders-leader";
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    private OrdersLeader() {
    }

    /** The fault with {@code orders-leader} replaced by the leader's process name ({@code broker-N}). */
    static Fault resolve(Fault fault, String bootstrapServers, String ordersTopic) {
        if (!fault.target().equals(TARGET)) {
            return fault;
        }
        return new Fault("broker-" + leaderId(bootstrapServers, ordersTopic), fault.action(), fault.duration());
    }

    private static int leaderId(String bootstrapServers, String ordersTopic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis()))) {
            Node leader = admin.describeTopics(List.of(ordersTopic)).allTopicNames()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(ordersTopic).partitions().get(0).leader();
            return Optional.ofNullable(leader).filter(node -> !node.isEmpty())
                    .orElseThrow(() -> new IllegalStateException(ordersTopic + "-0 has no leader")).id();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot find the leader of " + ordersTopic + "-0: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
