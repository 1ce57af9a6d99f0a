package io.fastship.payment;

import java.time.Duration;

/** Waits for a while; replaced in unit tests so backoff can be checked without waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
