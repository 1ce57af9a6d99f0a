package io.fastship.order.http;

import java.time.Duration;
import java.util.Map;

import io.fastship.order.query.OrderQueries;
import io.fastship.order.query.OrderWatchers;
import io.fastship.order.query.RemoteOrders;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /orders/{id}[?waitForFinal=10s]}: the order from whichever instance owns it. A waiting request holds
 * no thread: its response is written when the Streams side completes its future, or when the timer fires.
 */
public final class GetOrderHandler implements Handler {

    private final OrderQueries queries;
    private final Duration maxWait;

    public GetOrderHandler(OrderQueries queries, Duration maxWait) {
        this.queries = queries;
        this.maxWait = maxWait;
    }

    @Override
    public void handle(Context ctx) {
        String orderId = OrderIdPath.orderId(ctx);
        Duration wait = WaitParameter.parse(ctx.queryParam(WaitParameter.NAME), maxWait);
        boolean forwarded = ctx.header(RemoteOrders.FORWARDED_HEADER) != null;
        ctx.future(() -> queries.find(orderId, wait, forwarded)
                .thenAccept(result -> render(ctx, orderId, result))
                .exceptionally(error -> {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof OrderWatchers.TooManyWatchersException) {
                        Responses.problem(ctx, Problem.of("busy", HttpStatus.SERVICE_UNAVAILABLE, "Too busy",
                                cause.getMessage()), Map.of("Retry-After", "1"));
                    } else {
                        throw new IllegalStateException("query for order " + orderId + " failed", cause);
                    }
                    return null;
                }));
    }

    static void render(Context ctx, String orderId, OrderQueries.Result result) {
        if (result instanceof OrderQueries.Found found) {
            ctx.header("X-Served-By", found.servedBy());
            Responses.json(ctx, HttpStatus.OK, found.order());
        } else if (result instanceof OrderQueries.NotFound) {
            Responses.problem(ctx, OrderIdPath.notFound(orderId));
        } else if (result instanceof OrderQueries.Unavailable unavailable) {
            Responses.problem(ctx, Problem.of("order-state-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                    "Order state moving", "the order's state is not queryable right now (" + unavailable.reason()
                            + "); retry shortly"), Map.of("Retry-After", "1"));
        }
    }
}
