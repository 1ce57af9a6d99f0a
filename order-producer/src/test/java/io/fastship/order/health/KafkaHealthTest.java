package io.fastship.order.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The health check shares its thread with the request timers: an unreachable broker must not hold it. */
class KafkaHealthTest {

    @Test
    void anUnreachableBrokerDoesNotBlockTheSharedTimerThread() throws Exception {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000));
        try (KafkaHealth health = new KafkaHealth(admin, timers, Duration.ofMinutes(1), Duration.ofSeconds(4))) {
            // The first check was queued at construction (delay 0), so it runs before this timer.
            CompletableFuture<Long> fired = new CompletableFuture<>();
            long asked = System.nanoTime();
            timers.schedule(() -> fired.complete(System.nanoTime()), 10, TimeUnit.MILLISECONDS);

            long delayMs = TimeUnit.NANOSECONDS.toMillis(fired.get(10, TimeUnit.SECONDS) - asked);
            assertThat(delayMs).as("timer delay while the broker does not answer").isLessThan(1_000);
            assertThat(health.check().up()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> health.check().detail().contains("not reachable"));
        } finally {
            timers.shutdownNow();
        }
    }
}
