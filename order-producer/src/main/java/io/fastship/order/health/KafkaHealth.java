package io.fastship.order.health;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fastship.platform.http.Health;
import io.fastship.platform.http.HealthIndicator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Kafka reachability for {@code /health}: checked in the background every few seconds, so the endpoint answers
 * at once from the last result instead of waiting for a broker that may be gone.
 */
public final class KafkaHealth implements HealthIndicator, AutoCloseable {

    private final Admin admin;
    private final Duration timeout;
    private final AtomicReference<Health> last = new AtomicReference<>(Health.down("not checked yet"));
    private final ScheduledFuture<?> schedule;

    public KafkaHealth(Admin admin, ScheduledExecutorService scheduler, Duration interval, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
        this.schedule = scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health check() {
        return last.get();
    }

    void refresh() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            last.set(Health.up(nodes + " broker(s) reachable"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            last.set(Health.down("Kafka not reachable: " + cause.getClass().getSimpleName()));
        }
    }

    @Override
    public void close() {
        schedule.cancel(true);
        admin.close(Duration.ofSeconds(2));
    }
}
