package io.fastship.order.health;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.fastship.platform.http.Health;
import io.fastship.platform.http.HealthIndicator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Kafka reachability for {@code /health}: checked in the background every few seconds, so the endpoint answers
 * at once from the last result instead of waiting for a broker that may be gone. The check never blocks the
 * scheduler's thread: it is asynchronous, and at most one is in flight.
 */
public final class KafkaHealth implements HealthIndicator, AutoCloseable {

    private final Admin admin;
    private final Duration timeout;
    private final AtomicReference<Health> last = new AtomicReference<>(Health.down("not checked yet"));
    private final ScheduledFuture<?> schedule;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    public KafkaHealth(Admin admin, ScheduledExecutorService scheduler, Duration interval, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
        this.schedule = scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health check() {
        return last.get();
    }

    /**
     * Starts one check and returns at once: the answer is recorded by the admin client's thread. The scheduler
     * that calls this is shared with the request timers, so it must never wait for a broker here.
     */
    void refresh() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().whenComplete((nodes, error) -> {
                        if (error != null) {
                            Throwable cause = error.getCause() != null ? error.getCause() : error;
                            last.set(Health.down("Kafka not reachable: " + cause.getClass().getSimpleName()));
                        } else {
                            last.set(Health.up(nodes.size() + " broker(s) reachable"));
                        }
                        inFlight.set(false);
                    });
        } catch (RuntimeException e) {
            last.set(Health.down("Kafka not reachable: " + e.getClass().getSimpleName()));
            inFlight.set(false);
        }
    }

    @Override
    public void close() {
        schedule.cancel(true);
        admin.close(Duration.ofSeconds(2));
    }
}
