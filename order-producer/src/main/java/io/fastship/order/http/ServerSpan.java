package io.fastship.order.http;

import io.fastship.platform.tracing.Tracing;
import io.javalin.http.Context;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.TextMapGetter;

/** The server span of one HTTP request, continuing the caller's {@code traceparent} if it sent one. */
final class ServerSpan {

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

    private ServerSpan() {
    }

    static Span start(Tracing tracing, Context ctx, String method, String route) {
        io.opentelemetry.context.Context parent = tracing.parentFor(
                tracing.propagator().extract(io.opentelemetry.context.Context.root(), ctx, HEADERS));
        return tracing.tracer().spanBuilder(method + " " + route).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_METHOD, method).setAttribute(HTTP_ROUTE, route).startSpan();
    }

    /** Ends the span; a 5xx or an unexpected error marks it failed, a problem the client caused does not. */
    static void end(Span span, int status, Throwable error) {
        span.setAttribute(HTTP_STATUS, (long) status);
        if (status >= 500 || error != null && !(error instanceof ProblemException)) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
