package io.fastship.inspector.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StartPositionTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final Map<TopicPartition, Long> STARTS = Map.of(P0, 5L, P1, 0L);
    private static final Map<TopicPartition, Long> ENDS = Map.of(P0, 50L, P1, 3L);

    @Test
    void shouldBeginAtTheStartOfEachPartitionFromTheBeginning() {
        assertThat(resolve(new StartPosition(true, null, null, 10))).isEqualTo(Map.of(P0, 5L, P1, 0L));
    }

    @Test
    void shouldBeginTheLastNOffsetsBeforeTheEndButNeverBeforeTheStart() {
        assertThat(resolve(new StartPosition(false, null, null, 10))).isEqualTo(Map.of(P0, 40L, P1, 0L));
    }

    @Test
    void shouldKeepAnExplicitOffsetInsideEachPartition() {
        assertThat(resolve(new StartPosition(false, 20L, null, 10))).isEqualTo(Map.of(P0, 20L, P1, 3L));
        assertThat(resolve(new StartPosition(false, 1L, null, 10))).isEqualTo(Map.of(P0, 5L, P1, 1L));
    }

    @Test
    void shouldBeginAtTheFirstRecordAtOrAfterTheTimeOrAtTheEndWhenThereIsNone() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        Map<TopicPartition, Long> byTime = new HashMap<>();
        byTime.put(P0, 33L);

        Map<TopicPartition, Long> positions = new StartPosition(false, null, since, 10).resolve(STARTS, ENDS, time -> {
            assertThat(time).isEqualTo(since);
            return byTime;
        });

        assertThat(positions).isEqualTo(Map.of(P0, 33L, P1, 3L));
    }

    @Test
    void shouldResolveAnAgeAgainstNow() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");

        assertThat(Since.parse("10m").resolve(now)).isEqualTo(Instant.parse("2026-01-01T11:50:00Z"));
        assertThat(Since.parse("2026-01-01T08:00:00Z").resolve(now)).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
    }

    private static Map<TopicPartition, Long> resolve(StartPosition position) {
        return position.resolve(STARTS, ENDS, time -> Map.of());
    }
}
