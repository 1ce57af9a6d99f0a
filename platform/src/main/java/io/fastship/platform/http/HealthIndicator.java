package io.fastship.platform.http;

/** One readiness check (Kafka reachable, Streams RUNNING, consumer assigned...); must answer quickly. */
@FunctionalInterface
public interface HealthIndicator {

    Health check();
}
