package io.fastship.console.flow;

import java.util.List;
import java.util.Map;

/**
 * The order flow at one moment: each topic with its rate in, each group with its members, lag and rate out
 * per topic it reads. Rates are per second over the time since the previous snapshot, null on the first.
 */
public record FlowSnapshot(String at, List<TopicFlow> topics, List<GroupFlow> groups) {

    /** One topic of the flow; {@code exists} is false until a service creates it. */
    public record TopicFlow(String name, String role, boolean exists, int partitions, long endOffset,
                            Double inPerSecond) {
    }

    /** One consumer group or Streams application and what it reads. */
    public record GroupFlow(String group, String type, String state, List<Member> members, long lag,
                            Map<String, Double> outPerSecond, Map<String, Long> lagByTopic) {
    }

    /** A member and how many partitions it owns. */
    public record Member(String clientId, String host, int partitions) {
    }
}
