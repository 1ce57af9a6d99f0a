package io.fastship.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console config every service includes: text by default, JSON lines with LOG_FORMAT=json, ids from the MDC. */
class ServiceLogbackConfigTest {

    private static final String CONFIG = "<configuration><include resource=\"io/fastship/platform/logging/"
            + "logback-service.xml\"/></configuration>";

    private final PrintStream originalOut = System.out;

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.clearProperty("LOG_FORMAT");
    }

    @Test
    void textLinesCarryTheOrderAndTraceIds() throws Exception {
        String out = logOneLine();

        assertThat(out).contains("INFO").contains("orderId=o-42").contains("traceId=0af7651916cd43dd8448eb211c80319c")
                .contains("- reserved 2 units").doesNotStartWith("{");
    }

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheMdc() throws Exception {
        System.setProperty("LOG_FORMAT", "json");

        String out = logOneLine();

        JsonNode line = new ObjectMapper().readTree(out.strip());
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("reserved 2 units");
        assertThat(line.get("mdc").get("orderId").asText()).isEqualTo("o-42");
        assertThat(line.get("mdc").get("traceId").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    private String logOneLine() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new java.io.ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        try (LogContext ignored = LogContext.of("o-42", Optional.of("0af7651916cd43dd8448eb211c80319c"))) {
            context.getLogger("io.fastship.test").info("reserved {} units", 2);
        } finally {
            context.stop();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
