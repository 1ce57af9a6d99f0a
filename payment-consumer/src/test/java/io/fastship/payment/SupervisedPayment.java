package io.fastship.payment;

import java.util.ArrayList;
import java.util.List;

import io.fastship.platform.processing.LoopState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment instance in the test JVM restarted with the same config (so the same transactional id, which fences
 * what it left open) when its loop fails, as the process supervisor restarts a service that exits non-zero.
 */
final class SupervisedPayment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedPayment.class);

    private final PaymentTestKit kit;
    private final PaymentServiceConfig config;
    private final List<String> restarts = new ArrayList<>();
    private PaymentService current;

    SupervisedPayment(PaymentTestKit kit, PaymentServiceConfig config) {
        this.kit = kit;
        this.config = config;
        this.current = kit.start(config);
    }

    /** The running instance, after replacing one whose loop failed. */
    synchronized PaymentService current() throws Exception {
        if (current.state() == LoopState.FAILED) {
            Throwable cause = current.failure().getNow(null);
            restarts.add(String.valueOf(cause));
            log.warn("Payment instance failed ({}); restarting it as the supervisor would", cause);
            current.close();
            current = kit.start(config);
        }
        return current;
    }

    /** Why each restart was needed, in order; empty when the instance rode every fault out. */
    synchronized List<String> restarts() {
        return List.copyOf(restarts);
    }

    @Override
    public synchronized void close() throws Exception {
        current.close();
    }
}
