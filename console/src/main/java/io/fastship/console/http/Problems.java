package io.fastship.console.http;

import io.fastship.inspector.InspectorException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into RFC 9457 problem+json with one readable line; never a stack trace. */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String WRITTEN = "console.problem";

    private Problems() {
    }

    public static void handle(Exception error, Context ctx) {
        if (error instanceof ProblemException problem) {
            write(ctx, problem.status(), problem.title(), problem.getMessage());
        } else if (error instanceof InspectorException inspector) {
            // The inspector's messages are already one line for a person ("topic 'x' does not exist").
            boolean missing = inspector.getMessage().contains("does not exist");
            write(ctx, missing ? 404 : 502, missing ? "Not found" : "Cluster not available", inspector.getMessage());
        } else {
            log.warn("request {} {} failed", ctx.method(), ctx.path(), error);
            write(ctx, 500, "Internal error", "the console could not answer: " + error.getClass().getSimpleName());
        }
    }

    /** Whether this request already has its problem body (a handler's 404 must not become "no such API"). */
    public static boolean written(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(WRITTEN));
    }

    public static void write(Context ctx, int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.attribute(WRITTEN, true);
        ctx.status(status).json(body).contentType(CONTENT_TYPE);
    }
}
