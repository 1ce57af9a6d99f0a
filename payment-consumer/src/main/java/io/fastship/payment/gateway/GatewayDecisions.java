package io.fastship.payment.gateway;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Gateway calls whose answer can be acted on: retried while the gateway gives none, and after an uncertain
 * failure (timeout, dropped connection, 5xx) resolved by looking the charge up by its idempotency key before
 * anything is decided. An answer is {@link Decision#decided} only when the gateway said what happened; otherwise
 * it is {@link Decision#undecided} and the caller must wait (leave the record for a later batch), never guess:
 * a charge that may exist is never reported declined.
 */
public final class GatewayDecisions {

    private final PaymentGateway gateway;
    private final GatewayRetrier retrier;
    private final Listener listener;

    /** What the decisions saw, for metrics and fault-run reports. */
    public interface Listener {
        /** A call failed in a way that may have taken effect. */
        void ambiguous(String call);

        /** A lookup answered: {@code found} or {@code absent}. */
        void lookedUp(String result);

        Listener NONE = new Listener() {
            @Override
            public void ambiguous(String call) {
            }

            @Override
            public void lookedUp(String result) {
            }
        };
    }

    /** The gateway's answer, or why there is none yet. */
    public record Decision(Optional<GatewayResponse> response, String pending) {

        static Decision decided(GatewayResponse response) {
            return new Decision(Optional.of(response), null);
        }

        static Decision undecided(String why) {
            return new Decision(Optional.empty(), why);
        }

        public boolean isDecided() {
            return response.isPresent();
        }
    }

    public GatewayDecisions(PaymentGateway gateway, GatewayRetrier retrier, Listener listener) {
        this.gateway = gateway;
        this.retrier = retrier;
        this.listener = listener;
    }

    /** Charges (same key every time); after an uncertain failure, the lookup's answer is the charge's outcome. */
    public Decision authorize(Charge charge, BooleanSupplier stop) {
        return decide(retrier.call(() -> {
            try {
                return gateway.authorize(charge);
            } catch (GatewayUnavailableException e) {
                if (e.uncertain()) {
                    listener.ambiguous("charge");
                    Optional<GatewayResponse> found = lookup(charge.orderId());
                    if (found.isPresent()) {
                        return found.get();
                    }
                    // Confirmed absent: the same charge is tried again, under the same key.
                }
                throw e;
            }
        }, stop));
    }

    /** Refunds; after an uncertain failure, a lookup showing the charge refunded is the answer. */
    public Decision refund(Refund refund, BooleanSupplier stop) {
        return decide(retrier.call(() -> {
            try {
                return gateway.refund(refund);
            } catch (GatewayUnavailableException e) {
                if (e.uncertain()) {
                    listener.ambiguous("refund");
                    Optional<GatewayResponse> found = lookup(refund.orderId());
                    if (found.isPresent() && found.get().outcome() == GatewayResponse.Outcome.REFUNDED) {
                        return found.get();
                    }
                }
                throw e;
            }
        }, stop));
    }

    /**
     * Whether the gateway holds a charge for the order: decided with the charge, or decided with
     * {@code NOT_REFUNDABLE} when it confirms there is none; undecided when it cannot say now.
     */
    public Decision existingCharge(String orderId, BooleanSupplier stop) {
        return decide(retrier.call(() -> lookup(orderId).orElseGet(() ->
                new GatewayResponse(GatewayResponse.Outcome.NOT_REFUNDABLE, null, "no charge for order " + orderId)),
                stop));
    }

    private Optional<GatewayResponse> lookup(String orderId) {
        Optional<GatewayResponse> found = gateway.lookup(orderId);
        listener.lookedUp(found.isPresent() ? "found" : "absent");
        return found;
    }

    private static Decision decide(GatewayRetrier.Attempts attempts) {
        if (attempts.response().isPresent()) {
            return Decision.decided(attempts.response().get());
        }
        return Decision.undecided("no answer from the gateway after " + attempts.attempts() + " attempt(s) in "
                + attempts.elapsed().toMillis() + " ms: " + attempts.lastError().getMessage());
    }
}
