package io.fastship.order.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.order.query.OrderQueries;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * Lets a request scoped to a customer (by its API key) reach an order route only for that customer's orders;
 * anyone else's order answers exactly like a missing one (404), so ids of other customers cannot be probed.
 * The ownership check is a lookup of the order as it is now, before any wait or stream starts: a foreign order
 * is refused at once instead of after a {@code waitForFinal}. Unscoped requests (auth off, a peer instance) pass.
 */
final class OwnerOnly implements Handler {

    private static final Duration LOOKUP = Duration.ofSeconds(2);

    private final OrderQueries queries;
    private final Handler route;

    OwnerOnly(OrderQueries queries, Handler route) {
        this.queries = queries;
        this.route = route;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Optional<String> customer = ApiKeyAuth.customer(ctx);
        if (customer.isEmpty()) {
            route.handle(ctx);
            return;
        }
        String orderId = OrderIdPath.orderId(ctx);
        OrderQueries.Result now = lookUp(orderId);
        if (now instanceof OrderQueries.Found found && customer.get().equals(found.order().get("customerId"))) {
            route.handle(ctx);
        } else if (now instanceof OrderQueries.Unavailable) {
            throw new ProblemException(Problem.of("order-state-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                    "Order state moving", "the order's state is not queryable right now; retry shortly"),
                    Map.of("Retry-After", "1"));
        } else {
            throw new ProblemException(OrderIdPath.notFound(orderId));
        }
    }

    private OrderQueries.Result lookUp(String orderId) throws InterruptedException {
        try {
            // Bounded: a local store read, or one call to the owning instance within the retry window.
            return queries.find(orderId, Duration.ZERO, false, LOOKUP)
                    .get(LOOKUP.plusSeconds(8).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new OrderQueries.Unavailable("ownership lookup failed: " + e);
        }
    }
}
