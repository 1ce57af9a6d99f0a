package io.fastship.console.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class OrderTimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldTakeTheTraceIdOutOfATraceparent() {
        assertThat(OrderTimeline.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(OrderTimeline.traceId("garbage")).isNull();
        assertThat(OrderTimeline.traceId(null)).isNull();
    }

    @Test
    void shouldNameEventsByTopicStatusAndDeadLetterErrorClass() throws Exception {
        ConsumerRecord<byte[], byte[]> payment = new ConsumerRecord<>("ns.payments", 0, 0, null, null);
        ConsumerRecord<byte[], byte[]> dead = new ConsumerRecord<>("payment-service.dlq", 0, 0, null, null);
        dead.headers().add("dlq.error.class", "org.apache.kafka.common.errors.SerializationException"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(OrderTimeline.label(payment, JSON.readTree("{\"value\":{\"status\":\"AUTHORIZED\"}}")))
                .isEqualTo("PaymentEvent AUTHORIZED");
        assertThat(OrderTimeline.label(new ConsumerRecord<>("orders", 0, 0, null, null), JSON.readTree("{}")))
                .isEqualTo("OrderCreated");
        assertThat(OrderTimeline.label(dead, JSON.readTree("{}")))
                .isEqualTo("dead letter (org.apache.kafka.common.errors.SerializationException)");
    }
}
