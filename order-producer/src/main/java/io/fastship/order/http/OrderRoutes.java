package io.fastship.order.http;

import io.fastship.order.query.OrderQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The order service's own routes on top of the platform's {@code /health} and {@code /metrics}. */
public final class OrderRoutes {

    private static final Logger log = LoggerFactory.getLogger(OrderRoutes.class);

    private OrderRoutes() {
    }

    /** Request timing is the platform's, for every route of every service. */
    public static void register(RoutesConfig routes, CreateOrderHandler create, GetOrderHandler get,
                                OrderEventsHandler events, ApiKeyAuth auth, OrderQueries queries) {
        // Every path is authenticated first (deny by default); a customer's key reaches only its own orders.
        routes.before(auth::authenticate);
        routes.post("/orders", create);
        routes.get("/orders/{id}", new OwnerOnly(queries, get));
        routes.get("/orders/{id}/events", new OwnerOnly(queries, events));
        routes.exception(ProblemException.class, (error, ctx) -> Responses.problem(ctx, error.problem(),
                error.headers()));
        routes.exception(Exception.class, (error, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), error);
            Responses.problem(ctx, Problem.of("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                    "the request failed; see the service log"));
        });
    }
}
