package io.fastship.console.stack;

import io.fastship.console.http.ProblemException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/stack} (is this a local stack, how many of each service) and {@code POST /api/scale/{service}/{n}}. */
public final class ScaleApi {

    private final StackControl control;

    public ScaleApi(StackControl control) {
        this.control = control;
    }

    public void stack(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        var instances = control.instances();
        body.put("local", instances.isPresent());
        body.put("instances", instances.orElse(null));
        ctx.json(body);
    }

    public void scale(Context ctx) {
        int instances;
        try {
            instances = Integer.parseInt(ctx.pathParam("instances"));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("instances must be a number, was '" + ctx.pathParam("instances") + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instances", control.scale(ctx.pathParam("service"), instances));
        ctx.json(body);
    }
}
