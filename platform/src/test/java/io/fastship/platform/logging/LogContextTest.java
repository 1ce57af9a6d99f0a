package io.fastship.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void setsOrderAndTraceIdsOnlyInsideTheScope() {
        try (LogContext ignored = LogContext.of("o-1", Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"))) {
            assertThat(MDC.get(LogContext.ORDER_ID)).isEqualTo("o-1");
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(MDC.get(LogContext.ORDER_ID)).isNull();
        assertThat(MDC.get(LogContext.TRACE_ID)).isNull();
    }

    @Test
    void aNestedScopePutsBackTheOuterValues() {
        try (LogContext outer = LogContext.of("outer", Optional.of("t-outer"))) {
            try (LogContext inner = LogContext.of("inner", Optional.empty())) {
                assertThat(MDC.get(LogContext.ORDER_ID)).isEqualTo("inner");
                assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("t-outer");
            }
            assertThat(MDC.get(LogContext.ORDER_ID)).isEqualTo("outer");
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("t-outer");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void absentValuesLeaveOtherMdcKeysAlone() {
        MDC.put("other", "kept");
        try (LogContext ignored = LogContext.of(null, Optional.empty())) {
            assertThat(MDC.get(LogContext.ORDER_ID)).isNull();
        }
        assertThat(MDC.get("other")).isEqualTo("kept");
    }
}
