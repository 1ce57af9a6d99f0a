package io.fastship.order.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.order.intake.OrderIds;
import io.fastship.order.intake.OrderPublisher;
import io.fastship.order.intake.OrderRequestParser;
import io.fastship.order.intake.ValidOrder;
import io.fastship.order.query.OrderQueries;
import io.fastship.platform.logging.LogContext;
import io.fastship.platform.tracing.MessagingAttributes;
import io.fastship.platform.tracing.Tracing;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders}: validates, publishes {@code OrderCreated}, and answers 202 only after the broker
 * acknowledged it; 503 with {@code Retry-After} if it did not within the publish timeout. A replayed
 * {@code Idempotency-Key} whose order is already in the read model is answered from it (200) and publishes
 * nothing; see {@link OrderIds} for why this holds across instances.
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
    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
            return ctx.headerMap().keySet();
        }

        @Override
        public String get(Context ctx, String key) {
            return ctx == null ? null : ctx.header(key);
        }
    };

    private final OrderRequestParser parser = new OrderRequestParser();
    private final OrderPublisher publisher;
    private final OrderQueries queries;
    private final ApiKeyAuth auth;
    private final Duration publishTimeout;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Tracing tracing;

    public CreateOrderHandler(OrderPublisher publisher, OrderQueries queries, ApiKeyAuth auth, Duration publishTimeout,
                              Clock clock, MeterRegistry metrics, Tracing tracing) {
        this.tracing = tracing;
        this.publisher = publisher;
        this.queries = queries;
        this.auth = auth;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) {
        io.opentelemetry.context.Context parent = tracing.parentFor(
                tracing.propagator().extract(io.opentelemetry.context.Context.root(), ctx, HEADERS));
        Span span = tracing.tracer().spanBuilder("POST /orders").setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_METHOD, "POST").setAttribute(HTTP_ROUTE, "/orders").startSpan();
        CompletableFuture<Void> answered;
        try (Scope ignored = span.makeCurrent()) {
            answered = accept(ctx, span);
        } catch (RuntimeException e) {
            end(span, e instanceof ProblemException problem ? problem.problem().status().getCode() : 500, e);
            throw e;
        }
        answered.whenComplete((done, error) -> end(span, ctx.statusCode(), error));
    }

    private static void end(Span span, int status, Throwable error) {
        span.setAttribute(HTTP_STATUS, (long) status);
        if (status >= 500 || error != null && !(error instanceof ProblemException)) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** Validates and publishes; the future completes once the response is decided. */
    private CompletableFuture<Void> accept(Context ctx, Span span) {
        auth.check(ctx);
        requireJson(ctx.contentType());
        byte[] body = readBounded(ctx);
        Optional<String> key;
        try {
            key = OrderIds.validKey(ctx.header(IDEMPOTENCY_KEY));
        } catch (IllegalArgumentException e) {
            throw rejected("idempotency-key", Problem.of("invalid-idempotency-key", HttpStatus.BAD_REQUEST,
                    "Invalid Idempotency-Key header", e.getMessage()));
        }
        OrderRequestParser.Result parsed = parser.parse(body);
        if (!parsed.valid()) {
            throw rejected("invalid", Problem.invalid(parsed.errors().size() + " problem(s) in the order; nothing "
                    + "was created", parsed.errors()));
        }
        ValidOrder order = parsed.order();
        String orderId = key.map(k -> OrderIds.forIdempotencyKey(order.customerId(), k)).orElseGet(OrderIds::random);
        span.setAttribute(MessagingAttributes.ORDER_ID, orderId);
        OrderCreated event = OrderCreated.newBuilder()
                .setEventId(OrderIds.createdEventId(orderId))
                .setOrderId(orderId)
                .setCustomerId(order.customerId())
                .setCreatedAt(clock.instant())
                .setCurrency(order.currency())
                .setItems(order.items())
                .setTotalMinor(order.totalMinor())
                .setPaymentToken(order.paymentToken())
                .build();
        io.opentelemetry.context.Context traced = io.opentelemetry.context.Context.current();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        ctx.future(() -> (key.isPresent() ? replayOrPublish(ctx, event, traced) : publish(ctx, event, traced))
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

    private CompletableFuture<Void> replayOrPublish(Context ctx, OrderCreated event,
                                                    io.opentelemetry.context.Context traced) {
        return queries.find(event.getOrderId(), Duration.ZERO, false, REPLAY_LOOKUP).thenCompose(result -> {
            if (result instanceof OrderQueries.Found found) {
                if (!sameContent(found.order(), event)) {
                    throw rejected("idempotency-conflict", Problem.of("idempotency-key-reused",
                            HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
                            "this Idempotency-Key was used for order " + event.getOrderId()
                                    + " with different content"));
                }
                metrics.counter("fastship.orders.replayed").increment();
                accepted(ctx, HttpStatus.OK, event.getOrderId(), found.status());
                return CompletableFuture.completedFuture(null);
            }
            return publish(ctx, event, traced);
        });
    }

    private CompletableFuture<Void> publish(Context ctx, OrderCreated event, io.opentelemetry.context.Context traced) {
        return publisher.publish(event, traced).handle((metadata, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                try (LogContext logs = LogContext.of(event.getOrderId(), Tracing.traceIdOf(Span.fromContext(traced)))) {
                    log.warn("Order {} not accepted: Kafka did not acknowledge it: {}", event.getOrderId(),
                            cause.toString());
                }
                throw rejected("unavailable", Problem.of("unavailable", HttpStatus.SERVICE_UNAVAILABLE,
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

    /** A replay must ask for the same thing: same currency and lines (the customer is part of the id already). */
    static boolean sameContent(Map<String, Object> stored, OrderCreated requested) {
        if (!requested.getCurrency().equals(stored.get("currency")) || !(stored.get("items") instanceof List<?> items)
                || items.size() != requested.getItems().size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            LineItem wanted = requested.getItems().get(i);
            if (!(items.get(i) instanceof Map<?, ?> line) || !wanted.getSku().equals(line.get("sku"))
                    || !(line.get("quantity") instanceof Number quantity) || quantity.longValue() != wanted.getQuantity()
                    || !(line.get("unitPrice") instanceof Number price) || price.longValue() != wanted.getUnitPriceMinor()) {
                return false;
            }
        }
        return true;
    }

    private ProblemException rejected(String reason, Problem problem) {
        return rejected(reason, problem, Map.of());
    }

    private ProblemException rejected(String reason, Problem problem, Map<String, String> headers) {
        metrics.counter("fastship.orders.rejected", "reason", reason).increment();
        return new ProblemException(problem, headers);
    }

    private void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw rejected("media-type", Problem.of("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type", "send the order as application/json, not '" + contentType + "'"));
        }
    }

    private byte[] readBounded(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        // Content-Length may be absent (chunked): read one byte past the limit to notice an oversized body.
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw rejected("unreadable", Problem.of("unreadable-body", HttpStatus.BAD_REQUEST, "Unreadable body",
                    e.getMessage()));
        }
    }

    private ProblemException tooLarge() {
        return rejected("too-large", Problem.of("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                "an order body may be at most " + MAX_BODY_BYTES + " bytes"));
    }
}
