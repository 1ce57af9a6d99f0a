package io.fastship.order.http;

import java.util.Map;

import io.fastship.order.query.OrderJson;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Writes JSON and problem responses the same way everywhere. */
public final class Responses {

    private Responses() {
    }

    public static void json(Context ctx, HttpStatus status, Object body) {
        ctx.status(status).contentType("application/json").result(OrderJson.write(body));
    }

    public static void problem(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE)
                .result(OrderJson.write(problem.toJson(ctx.path())));
    }

    public static void problem(Context ctx, Problem problem) {
        problem(ctx, problem, Map.of());
    }
}
