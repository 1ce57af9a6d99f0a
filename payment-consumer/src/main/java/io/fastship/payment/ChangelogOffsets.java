package io.fastship.payment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** The two end offsets of a changelog partition that tell whether a transaction is still open on it. */
public interface ChangelogOffsets {

    /** The last stable offset: below the first record of any transaction still open on the partition. */
    long lastStable(TopicPartition partition);

    /** The high watermark: past every record written, open transactions' records and markers included. */
    long highWatermark(TopicPartition partition);

    /** Both from {@code listOffsets}, with the isolation level that gives each. */
    static ChangelogOffsets of(Admin admin, Duration timeout) {
        return new ChangelogOffsets() {
            @Override
            public long lastStable(TopicPartition partition) {
                return list(admin, partition, IsolationLevel.READ_COMMITTED, timeout);
            }

            @Override
            public long highWatermark(TopicPartition partition) {
                return list(admin, partition, IsolationLevel.READ_UNCOMMITTED, timeout);
            }
        };
    }

    private static long list(Admin admin, TopicPartition partition, IsolationLevel isolation, Duration timeout) {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                    .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing offsets of " + partition, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list offsets of " + partition + ": " + e, e);
        }
    }
}
