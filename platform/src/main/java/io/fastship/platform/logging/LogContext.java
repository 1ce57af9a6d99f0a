package io.fastship.platform.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.MDC;

/**
 * Puts {@code orderId} and {@code traceId} into the SLF4J MDC for the processing of one record or request, and
 * puts back what was there before on {@link #close()}, so nested scopes and pooled threads never leak them.
 */
public final class LogContext implements AutoCloseable {

    public static final String ORDER_ID = "orderId";
    public static final String TRACE_ID = "traceId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    /** Sets the keys whose value is present; an absent value leaves that key as it was. */
    public static LogContext of(String orderId, Optional<String> traceId) {
        LogContext context = new LogContext();
        context.put(ORDER_ID, orderId);
        context.put(TRACE_ID, traceId.orElse(null));
        return context;
    }

    private void put(String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        previous.put(key, MDC.get(key));
        MDC.put(key, value);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
        previous.clear();
    }
}
