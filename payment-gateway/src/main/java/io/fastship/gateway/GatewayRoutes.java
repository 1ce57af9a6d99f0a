package io.fastship.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.gateway.GatewaySettings.FailureKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP API, shaped like a payment provider's: {@code POST /charges} with an idempotency key,
 * {@code GET /charges?idempotencyKey=} to learn after a timeout whether a charge exists, {@code POST
 * /charges/{chargeId}/refunds}, and the ledger ({@code GET /ledger}, {@code GET /ledger/{orderId}}) for anyone
 * to reconcile against. Charge, lookup and refund calls take the configured latency and may fail as configured;
 * the ledger endpoints never fail.
 */
final class GatewayRoutes {

    private static final Logger log = LoggerFactory.getLogger(GatewayRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    private final Ledger ledger;
    private final FailureInjector failures;
    private final Duration latency;
    private final Duration hold;
    private final GatewayStats stats;

    GatewayRoutes(Ledger ledger, FailureInjector failures, Duration latency, Duration hold, GatewayStats stats) {
        this.ledger = ledger;
        this.failures = failures;
        this.latency = latency;
        this.hold = hold;
        this.stats = stats;
    }

    void register(RoutesConfig routes) {
        routes.post("/charges", this::charge);
        routes.get("/charges", this::lookup);
        routes.post("/charges/{chargeId}/refunds", this::refund);
        routes.get("/ledger", ctx -> ctx.json(ledger.totals()));
        routes.get("/ledger/{orderId}", ctx -> ctx.json(ledger.order(ctx.pathParam("orderId"))));
        routes.get("/stats", ctx -> ctx.json(stats.snapshot()));
    }

    private void charge(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        if (body == null) {
            return;
        }
        String key = text(body, "idempotencyKey");
        String orderId = text(body, "orderId");
        String currency = text(body, "currency");
        JsonNode amount = body.get("amountMinor");
        if (key == null || orderId == null || currency == null || amount == null || !amount.canConvertToLong()
                || amount.asLong() < 0) {
            problem(ctx, 400, "invalid charge", "idempotencyKey, orderId, currency and amountMinor >= 0 are required");
            return;
        }
        String token = text(body, "token");
        Tail failure = before(ctx, "charge");
        if (failure == null) {
            return;
        }
        Ledger.Charged charged = ledger.charge(key, orderId, amount.asLong(), currency, token);
        ChargeRecord charge = charged.charge();
        if (!charge.orderId().equals(orderId) || charge.amountMinor() != amount.asLong()) {
            problem(ctx, 422, "idempotency key reused", "key " + key + " belongs to another charge");
            return;
        }
        if (after(ctx, "charge", failure)) {
            stats.count("charge", charged.created() ? "created" : "replayed");
            ctx.status(charged.created() ? 201 : 200).json(charge);
        }
    }

    private void lookup(Context ctx) throws Exception {
        String key = ctx.queryParam("idempotencyKey");
        if (key == null || key.isBlank()) {
            problem(ctx, 400, "invalid lookup", "the idempotencyKey query parameter is required");
            return;
        }
        Tail failure = before(ctx, "lookup");
        if (failure == null) {
            return;
        }
        Optional<ChargeRecord> charge = ledger.byIdempotencyKey(key);
        if (after(ctx, "lookup", failure)) {
            stats.count("lookup", charge.isPresent() ? "found" : "absent");
            if (charge.isPresent()) {
                ctx.json(charge.get());
            } else {
                problem(ctx, 404, "no such charge", "no charge has idempotency key " + key);
            }
        }
    }

    private void refund(Context ctx) throws Exception {
        if (body(ctx) == null) {
            return;
        }
        Tail failure = before(ctx, "refund");
        if (failure == null) {
            return;
        }
        Ledger.Refunded refunded = ledger.refund(ctx.pathParam("chargeId"));
        if (!after(ctx, "refund", failure)) {
            return;
        }
        if (refunded.charge().isEmpty()) {
            problem(ctx, 404, "no such charge", "no charge " + ctx.pathParam("chargeId"));
        } else if (!refunded.refundable()) {
            problem(ctx, 409, "not refundable", "charge " + ctx.pathParam("chargeId") + " was declined");
        } else {
            ChargeRecord charge = refunded.charge().get();
            stats.count("refund", refunded.created() ? "created" : "replayed");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("refundId", charge.refundId());
            json.put("chargeId", charge.chargeId());
            json.put("amountMinor", charge.amountMinor());
            ctx.status(refunded.created() ? 201 : 200).json(json);
        }
    }

    /** How a call ends once its operation was done: normally, with a 500, or with the answer withheld. */
    private enum Tail {
        NONE, SERVER_ERROR, WITHHOLD
    }

    /**
     * Latency, then the failures that happen before the operation. Null = the call already failed and was
     * answered; else how it is to end after the operation.
     */
    private Tail before(Context ctx, String call) throws InterruptedException {
        if (!latency.isZero()) {
            TimeUnit.MILLISECONDS.sleep(latency.toMillis());
        }
        Optional<FailureKind> failure = failures.next();
        if (failure.isPresent() && failure.get() == FailureKind.REFUSED) {
            stats.count(call, "refused");
            ctx.header("Retry-After", "1");
            problem(ctx, 429, "refused", "the gateway refused the request before acting on it; retry later");
            return null;
        }
        if (failure.isPresent() && failure.get() == FailureKind.SERVER_ERROR) {
            if (failures.afterOperation()) {
                return Tail.SERVER_ERROR;
            }
            stats.count(call, "5xx_before");
            problem(ctx, 503, "unavailable", "the gateway is unavailable");
            return null;
        }
        return failure.isPresent() ? Tail.WITHHOLD : Tail.NONE;
    }

    /** The failures that happen after the operation was done and recorded; true = answer normally. */
    private boolean after(Context ctx, String call, Tail failure) {
        if (failure == Tail.SERVER_ERROR) {
            stats.count(call, "5xx_after");
            problem(ctx, 500, "internal error", "the gateway failed while answering");
            return false;
        }
        if (failure == Tail.WITHHOLD) {
            stats.count(call, "timeout_after");
            log.debug("withholding the answer to a {} for {}", call, hold);
            // Done and recorded, but the caller hears nothing until it times out or we give up.
            ctx.future(() -> CompletableFuture.supplyAsync(() -> {
                problem(ctx, 504, "timeout", "the gateway did not answer in time");
                return null;
            }, CompletableFuture.delayedExecutor(hold.toMillis(), TimeUnit.MILLISECONDS)));
            return false;
        }
        return true;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                problem(ctx, 400, "invalid body", "a JSON object is required");
                return null;
            }
            return body;
        } catch (Exception e) {
            problem(ctx, 400, "invalid body", "not JSON: " + e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** An RFC 9457 problem document. */
    static void problem(Context ctx, int status, String title, String detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "about:blank");
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        try {
            ctx.status(status).contentType(PROBLEM).result(JSON.writeValueAsString(json));
        } catch (Exception e) {
            ctx.status(status);
        }
    }
}
