package io.fastship.order.http;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.fastship.events.OrderCreated;
import io.fastship.order.intake.OpenOrders;
import io.fastship.order.intake.OrderIds;
import io.fastship.order.intake.OrderPricing;
import io.fastship.order.intake.OrderPublisher;
import io.fastship.order.intake.OrderRequestParser;
import io.fastship.order.intake.ReplayMatch;
import io.fastship.order.intake.ValidOrder;
import io.fastship.order.query.OrderQueries;
import io.fastship.platform.logging.LogContext;
import io.fastship.platform.tracing.MessagingAttributes;
import io.fastship.platform.tracing.Tracing;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders}: validates, prices every line from the catalog, publishes {@code OrderCreated}, and answers
 * 202 only after the broker acknowledged it; 503 with {@code Retry-After} if it did not within the publish timeout.
 * A replayed {@code Idempotency-Key} whose order is already in the read model is answered from it (200) and
 * publishes nothing; see {@link OrderIds} for why this holds across instances.
 *
 * <p>With API keys the order is the key's customer's: a body naming another customer is refused with 403 rather
 * than silently rewritten, so a client bug (or a probe) is visible; a body naming none gets the key's customer.
 *
 * <p>Each request is a {@code POST /orders} server span (continuing a caller's {@code traceparent}, if sent), the
 * parent of the {@code OrderCreated} send; the order's log lines carry its {@code orderId} and {@code traceId}.
 */
public final class CreateOrderHandler implements Handler {

    private static final Logger log = LoggerFactory.getLogger(CreateOrderHandler.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A replay check that cannot reach the read model quickly publishes anyway: the read model dedupes. */
    private static final Duration REPLAY_LOOKUP = Duration.ofSeconds(1);

    private final OrderRequestParser parser = new OrderRequestParser();
    private final OrderPublisher publisher;
    private final OrderQueries queries;
    private final OrderPricing pricing;
    private final OrderIds ids;
    private final Duration publishTimeout;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Rejections rejections;
    private final Tracing tracing;
    private final OpenOrders open;

    public CreateOrderHandler(OrderPublisher publisher, OrderQueries queries, OrderPricing pricing, OrderIds ids,
                              OpenOrders open, Duration publishTimeout, Clock clock, MeterRegistry metrics,
                              Tracing tracing) {
        this.tracing = tracing;
        this.open = open;
        this.publisher = publisher;
        this.queries = queries;
        this.pricing = pricing;
        this.ids = ids;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
        this.metrics = metrics;
        this.rejections = new Rejections(metrics);
    }

    @Override
    public void handle(Context ctx) {
        Span span = ServerSpan.start(tracing, ctx, "POST", "/orders");
        CompletableFuture<Void> answered;
        try (Scope ignored = span.makeCurrent()) {
            answered = accept(ctx, span);
        } catch (RuntimeException e) {
            ServerSpan.end(span, e instanceof ProblemException problem ? problem.problem().status().getCode() : 500, e);
            throw e;
        }
        answered.whenComplete((done, error) -> ServerSpan.end(span, ctx.statusCode(), error));
    }

    /** Validates, prices and publishes; the future completes once the response is decided. */
    private CompletableFuture<Void> accept(Context ctx, Span span) {
        RequestBody.requireJson(ctx.contentType(), rejections);
        byte[] body = RequestBody.readBounded(ctx, MAX_BODY_BYTES, rejections);
        Optional<String> key;
        try {
            key = OrderIds.validKey(ctx.header(IDEMPOTENCY_KEY));
        } catch (IllegalArgumentException e) {
            throw rejections.reject("idempotency-key", Problem.of("invalid-idempotency-key", HttpStatus.BAD_REQUEST,
                    "Invalid Idempotency-Key header", e.getMessage()));
        }
        Optional<String> caller = ApiKeyAuth.customer(ctx);
        OrderRequestParser.Result parsed = parser.parse(body, caller.isPresent());
        if (!parsed.valid()) {
            throw rejections.reject("invalid", Problem.invalid(parsed.errors().size() + " problem(s) in the order; "
                    + "nothing was created", parsed.errors()));
        }
        ValidOrder order = parsed.order();
        String customerId = caller.orElse(order.customerId());
        if (order.customerId() != null && !order.customerId().equals(customerId)) {
            throw rejections.reject("other-customer", Problem.of("customer-mismatch", HttpStatus.FORBIDDEN,
                    "Not your customer id", "this API key places orders for its own customer only; omit customerId "
                            + "or send the key's"));
        }
        OrderPricing.Result priced = pricing.price(order);
        if (priced instanceof OrderPricing.CatalogNotLoaded) {
            throw rejections.reject("catalog-not-loaded", Problem.of("catalog-not-loaded",
                    HttpStatus.SERVICE_UNAVAILABLE, "Catalog not loaded yet", "this instance is still reading the "
                            + "catalog, so it cannot price the order; nothing was created. Retry shortly."),
                    Map.of("Retry-After", "1"));
        }
        if (priced instanceof OrderPricing.Unpriceable unpriceable) {
            throw rejections.reject("unpriceable", new Problem("urn:fastship:problem:unpriceable-order",
                    HttpStatus.UNPROCESSABLE_CONTENT, "Order cannot be priced", unpriceable.errors().size()
                    + " line(s) cannot be sold as asked; nothing was created", unpriceable.errors()));
        }
        String orderId = key.map(k -> ids.forIdempotencyKey(customerId, k)).orElseGet(OrderIds::random);
        span.setAttribute(MessagingAttributes.ORDER_ID, orderId);
        io.opentelemetry.context.Context traced = io.opentelemetry.context.Context.current();
        Supplier<CompletableFuture<Void>> decide = priced instanceof OrderPricing.PriceChanged changed
                ? () -> CompletableFuture.failedFuture(priceChanged(changed))
                : () -> publish(ctx, event(orderId, customerId, order, (OrderPricing.Priced) priced), traced);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        ctx.future(() -> (key.isPresent() ? replayOr(ctx, orderId, order, decide) : decide.get())
                .exceptionally(error -> {
                    Throwable cause = error.getCause() instanceof ProblemException ? error.getCause() : error;
                    if (cause instanceof ProblemException problem) {
                        Responses.problem(ctx, problem.problem(), problem.headers());
                    } else {
                        try (LogContext logs = LogContext.of(orderId, Tracing.traceIdOf(span))) {
                            log.error("Order {} failed unexpectedly", orderId, error);
                        }
                        Responses.problem(ctx, Problem.of("internal", HttpStatus.INTERNAL_SERVER_ERROR,
                                "Internal error", "the order was not accepted"));
                    }
                    return null;
                }).whenComplete((done, error) -> answered.complete(null)));
        return answered;
    }

    private OrderCreated event(String orderId, String customerId, ValidOrder order, OrderPricing.Priced priced) {
        return OrderCreated.newBuilder()
                .setEventId(OrderIds.createdEventId(orderId))
                .setOrderId(orderId)
                .setCustomerId(customerId)
                .setCreatedAt(clock.instant())
                .setCurrency(order.currency())
                .setItems(priced.items())
                .setTotalMinor(priced.totalMinor())
                .setPaymentToken(order.paymentToken())
                .build();
    }

    /** 409: the client saw an old price (or made one up); it gets the current ones to confirm. */
    private ProblemException priceChanged(OrderPricing.PriceChanged changed) {
        List<Map<String, Object>> current = changed.current().stream().map(line -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("pointer", line.pointer());
            json.put("sku", line.sku());
            json.put("unitPrice", line.unitPrice());
            json.put("currency", line.currency());
            return json;
        }).toList();
        return rejections.reject("price-changed", new Problem("urn:fastship:problem:price-changed",
                HttpStatus.CONFLICT, "Price changed", changed.errors().size() + " line(s) do not carry the current "
                + "price; send the current unitPrice or omit it; nothing was created", changed.errors())
                .with("currentPrices", current));
    }

    /**
     * The stored order if this key already created one with the same content (200), else {@code otherwise}. A
     * replay is answered even after a price change: the order it placed keeps the price it was placed at.
     */
    private CompletableFuture<Void> replayOr(Context ctx, String orderId, ValidOrder order,
                                             Supplier<CompletableFuture<Void>> otherwise) {
        return queries.find(orderId, Duration.ZERO, false, REPLAY_LOOKUP).thenCompose(result -> {
            if (result instanceof OrderQueries.Found found) {
                if (!ReplayMatch.sameContent(found.order(), order)) {
                    throw rejections.reject("idempotency-conflict", Problem.of("idempotency-key-reused",
                            HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
                            "this Idempotency-Key was used for order " + orderId + " with different content"));
                }
                metrics.counter("fastship.orders.replayed").increment();
                accepted(ctx, HttpStatus.OK, orderId, found.status());
                return CompletableFuture.completedFuture(null);
            }
            return otherwise.get();
        });
    }

    private CompletableFuture<Void> publish(Context ctx, OrderCreated event, io.opentelemetry.context.Context traced) {
        OptionalLong wait = open.refusal();
        if (wait.isPresent()) {
            return CompletableFuture.failedFuture(rejections.reject("overloaded", Problem.of("overloaded",
                    HttpStatus.SERVICE_UNAVAILABLE, "Too many orders in progress", open.open() + " orders accepted "
                            + "here are not final yet, more than the pipeline can finish within half the order "
                            + "deadline at its current pace; nothing was accepted. Retry after the delay."),
                    Map.of("Retry-After", Long.toString(wait.getAsLong()))));
        }
        open.opened(event.getOrderId());
        return publisher.publish(event, traced).handle((metadata, error) -> {
            if (error != null) {
                open.abandoned(event.getOrderId());
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                try (LogContext logs = LogContext.of(event.getOrderId(), Tracing.traceIdOf(Span.fromContext(traced)))) {
                    log.warn("Order {} not accepted: Kafka did not acknowledge it: {}", event.getOrderId(),
                            cause.toString());
                }
                throw rejections.reject("unavailable", Problem.of("unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                        "Order not accepted", "Kafka did not acknowledge the order within " + publishTimeout
                                + "; nothing was accepted. Retry with the same Idempotency-Key."),
                        Map.of("Retry-After", "1"));
            }
            metrics.counter("fastship.orders.accepted").increment();
            try (LogContext logs = LogContext.of(event.getOrderId(), Tracing.traceIdOf(Span.fromContext(traced)))) {
                log.debug("Order {} accepted at {}-{}@{}", event.getOrderId(), metadata.topic(), metadata.partition(),
                        metadata.offset());
            }
            accepted(ctx, HttpStatus.ACCEPTED, event.getOrderId(), "PENDING");
            return null;
        });
    }

    private static void accepted(Context ctx, HttpStatus status, String orderId, String orderStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("status", orderStatus);
        ctx.header("Location", "/orders/" + orderId);
        Responses.json(ctx, status, body);
    }
}
