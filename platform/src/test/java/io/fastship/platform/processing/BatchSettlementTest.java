package io.fastship.platform.processing;

import static io.fastship.platform.processing.TaskPlanTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What a batch may commit when tasks finished some, all or none of their records. */
class BatchSettlementTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);
    private static final TopicPartition STATUS_0 = new TopicPartition("status", 0);

    private final ConsumerRecord<String, byte[]> a0 = record("orders", 0, 0, "a");
    private final ConsumerRecord<String, byte[]> b1 = record("orders", 0, 1, "b");
    private final ConsumerRecord<String, byte[]> c2 = record("orders", 0, 2, "c");
    private final ConsumerRecord<String, byte[]> a3 = record("orders", 0, 3, "a");
    private final ConsumerRecord<String, byte[]> d4 = record("orders", 0, 4, "d");

    @Test
    void commitsEveryPartitionToItsEndWhenAllTasksFinished() {
        BatchSettlement settlement = BatchSettlement.of(
                List.of(List.of(a0, a3), List.of(b1), List.of(c2), List.of(d4), List.of(record("orders", 1, 8, "e"))),
                List.of(2, 1, 1, 1, 1));

        assertThat(settlement.kept()).containsOnly(true);
        assertThat(settlement.commit()).isEqualTo(Map.of(ORDERS_0, 5L, ORDERS_1, 9L));
        assertThat(settlement.rewind()).isEmpty();
    }

    @Test
    void commitsOnlyTheContiguousFinishedPrefixAndDropsWorkBeyondIt() {
        // c2 was skipped at the deadline; d4 finished but lies beyond it, so its outputs must not be committed.
        BatchSettlement settlement = BatchSettlement.of(List.of(List.of(a0), List.of(b1), List.of(c2), List.of(d4)),
                List.of(1, 1, 0, 1));

        assertThat(settlement.kept()).containsExactly(true, true, true, false);
        assertThat(settlement.commit()).isEqualTo(Map.of(ORDERS_0, 2L));
        assertThat(settlement.rewind()).isEqualTo(Map.of(ORDERS_0, 2L));
    }

    @Test
    void droppingATaskCanDropOthersUntilThePrefixIsConsistent() {
        // b1 skipped: a finished a3 beyond that cut, so its task (a0 too) is dropped and nothing commits. The plan
        // never lets this happen to a partition's head task (see TaskPlanTest); the settlement stays safe anyway.
        BatchSettlement settlement = BatchSettlement.of(List.of(List.of(a0, a3), List.of(b1), List.of(c2),
                List.of(d4)), List.of(2, 0, 1, 1));

        assertThat(settlement.kept()).containsExactly(false, true, false, false);
        assertThat(settlement.commit()).isEmpty();
        assertThat(settlement.rewind()).isEqualTo(Map.of(ORDERS_0, 0L));
    }

    @Test
    void aTaskStoppedPartwayCommitsWhatItFinishedInEachPartition() {
        // Partition-number task: orders-0 all done, status-0 stopped after its first record.
        ConsumerRecord<String, byte[]> s5 = record("status", 0, 5, "x");
        ConsumerRecord<String, byte[]> s6 = record("status", 0, 6, "y");
        BatchSettlement settlement = BatchSettlement.of(List.of(List.of(a0, b1, s5, s6)), List.of(3));

        assertThat(settlement.kept()).containsExactly(true);
        assertThat(settlement.commit()).isEqualTo(Map.of(ORDERS_0, 2L, STATUS_0, 6L));
        assertThat(settlement.rewind()).isEqualTo(Map.of(STATUS_0, 6L));
    }

    @Test
    void aCutInOnePartitionDropsAKeyTaskSpanningBothCoPartitionedTopics() {
        // Key a: orders-0@0 and status-0@6; status-0@5 (key b) was skipped.
        ConsumerRecord<String, byte[]> a6 = record("status", 0, 6, "a");
        ConsumerRecord<String, byte[]> b5 = record("status", 0, 5, "b");
        BatchSettlement settlement = BatchSettlement.of(List.of(List.of(a0, a6), List.of(b1), List.of(b5)),
                List.of(2, 1, 0));

        // b's task has b1 done and b5 not: b1 stays committable only if nothing before it is cut, and a0 is.
        assertThat(settlement.kept()).containsExactly(false, false, true);
        assertThat(settlement.commit()).isEmpty();
        assertThat(settlement.rewind()).isEqualTo(Map.of(ORDERS_0, 0L, STATUS_0, 5L));
    }
}
