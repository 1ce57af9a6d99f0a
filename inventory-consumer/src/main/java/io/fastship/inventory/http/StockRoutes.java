package io.fastship.inventory.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.fastship.inventory.JsonSerde;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /stock/{sku}} and {@code GET /stock} ({@code ?scope=local} for this instance only). Errors are
 * RFC 9457 problem documents: 400 for a malformed SKU, 404 for an unknown one, 503 while the state moves.
 */
public final class StockRoutes {

    /** Marks a question one instance passed to the owner of the SKU, so it is never passed on again. */
    public static final String FORWARDED_HEADER = "X-Fastship-Forwarded";
    static final String SKU_PATTERN = "[A-Za-z0-9._-]{1,64}";

    private StockRoutes() {
    }

    /** A list of SKUs as {@code GET /stock} returns it. */
    public record StockList(List<StockView> items) {
    }

    public static Consumer<RoutesConfig> of(StockLookup lookup) {
        return routes -> {
            routes.get("/stock/{sku}", ctx -> one(ctx, lookup));
            routes.get("/stock", ctx -> all(ctx, lookup));
        };
    }

    private static void one(Context ctx, StockLookup lookup) {
        String sku = ctx.pathParam("sku");
        if (!sku.matches(SKU_PATTERN)) {
            problem(ctx, HttpStatus.BAD_REQUEST, "Malformed SKU",
                    "a SKU is 1 to 64 letters, digits, '.', '_' or '-'");
            return;
        }
        try {
            lookup.find(sku, ctx.header(FORWARDED_HEADER) != null).ifPresentOrElse(ctx::json,
                    () -> problem(ctx, HttpStatus.NOT_FOUND, "Unknown SKU", "no stock was ever recorded for " + sku));
        } catch (StockUnavailableException e) {
            unavailable(ctx, e);
        }
    }

    private static void all(Context ctx, StockLookup lookup) {
        String scope = ctx.queryParam("scope");
        if (scope != null && !scope.equals("local") && !scope.equals("all")) {
            problem(ctx, HttpStatus.BAD_REQUEST, "Unknown scope", "scope is 'local' or 'all', was '" + scope + "'");
            return;
        }
        try {
            ctx.json(new StockList(lookup.all("local".equals(scope))));
        } catch (StockUnavailableException e) {
            unavailable(ctx, e);
        }
    }

    private static void unavailable(Context ctx, StockUnavailableException e) {
        ctx.header("Retry-After", "1");
        problem(ctx, HttpStatus.SERVICE_UNAVAILABLE, "Stock temporarily unavailable", e.getMessage());
    }

    static void problem(Context ctx, HttpStatus status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.put("instance", ctx.path());
        try {
            ctx.status(status).contentType("application/problem+json")
                    .result(JsonSerde.mapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
    }
}
