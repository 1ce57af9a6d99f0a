package io.fastship.order.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The {@code {id}} path parameter, refused as unknown when it cannot be an order id. */
final class OrderIdPath {

    private OrderIdPath() {
    }

    static String orderId(Context ctx) {
        String orderId = ctx.pathParam("id");
        if (orderId.isEmpty() || orderId.length() > 128 || !orderId.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ProblemException(notFound(orderId.length() > 128 ? orderId.substring(0, 128) : orderId));
        }
        return orderId;
    }

    static Problem notFound(String orderId) {
        return Problem.of("order-not-found", HttpStatus.NOT_FOUND, "Order not found",
                "no order with id '" + orderId + "': it never existed, or it closed longer than the state retention "
                        + "(STATE_RETENTION) ago and has expired");
    }
}
