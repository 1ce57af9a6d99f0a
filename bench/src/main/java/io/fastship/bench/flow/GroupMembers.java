package io.fastship.bench.flow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/** Waits until a consumer group has settled with a given number of members, each owning partitions. */
public final class GroupMembers {

    private GroupMembers() {
    }

    /** Whether the group is stable with exactly {@code members} members that all own at least one partition. */
    static boolean settled(ConsumerGroupDescription group, int members) {
        List<MemberDescription> all = List.copyOf(group.members());
        return group.groupState() == GroupState.STABLE && all.size() == members
                && all.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }

    public static void await(Admin admin, String groupId, int members, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not described yet";
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                        .get(10, TimeUnit.SECONDS).get(groupId);
                if (settled(group, members)) {
                    return;
                }
                last = group.groupState() + " with " + group.members().size() + " members";
            } catch (ExecutionException | TimeoutException e) {
                last = e.getMessage();
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("group " + groupId + " did not settle with " + members + " members within "
                + timeout + " (last: " + last + ")");
    }
}
