package io.fastship.inspector.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectMatcherTest {

    private final SubjectMatcher matcher = new SubjectMatcher("orders", Set.of("io.fastship.events.OrderCreated"));

    @Test
    void shouldMatchTopicNameStrategySubjects() {
        assertThat(matcher.strategyOf("orders-value")).contains("topic-value");
        assertThat(matcher.strategyOf("orders-key")).contains("topic-key");
    }

    @Test
    void shouldMatchTopicRecordNameStrategySubjects() {
        assertThat(matcher.strategyOf("orders-io.fastship.events.OrderCreated")).contains("topic-record");
        assertThat(matcher.strategyOf("orders-io.fastship.events.OrderCancelled")).contains("topic-record");
    }

    @Test
    void shouldMatchRecordNameStrategySubjectsOnlyForRecordsSeenInTheTopic() {
        assertThat(matcher.strategyOf("io.fastship.events.OrderCreated")).contains("record");
        assertThat(matcher.strategyOf("io.fastship.events.PaymentEvent")).isEmpty();
    }

    @Test
    void shouldNotClaimSubjectsOfTopicsThatShareThePrefix() {
        assertThat(matcher.strategyOf("orders-v2-value")).isEmpty();
        assertThat(matcher.strategyOf("orders-dlq-key")).isEmpty();
        assertThat(matcher.strategyOf("orders.dlq-value")).isEmpty();
        assertThat(matcher.strategyOf("payments-value")).isEmpty();
    }
}
