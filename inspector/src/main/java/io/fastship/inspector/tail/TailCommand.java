package io.fastship.inspector.tail;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.ConnectionOptions;
import io.fastship.inspector.InspectorException;
import io.fastship.inspector.StopSignal;
import io.fastship.inspector.topics.TopicInspector;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect tail TOPIC}: decoded records, one JSON object per line. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print a topic's records as JSON lines: Avro via the schema registry, else UTF-8 text, "
                + "else hex.", "Without --follow it stops at the end offsets it saw when it started."})
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Start start = new Start();

    @Option(names = {"-p", "--partition"}, paramLabel = "P", split = ",",
            description = "Only these partitions (repeat or comma-separate).")
    List<Integer> partitions;

    @Option(names = {"-n", "--max"}, paramLabel = "N", defaultValue = "0",
            description = "Stop after printing N records (default: no limit).")
    long max;

    @Option(names = "--key", paramLabel = "K", description = "Only records whose key reads as K.")
    String key;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until Ctrl-C (or --max).")
    boolean follow;

    @Option(names = "--isolation", paramLabel = "LEVEL", defaultValue = "read_committed",
            description = "read_committed (default: aborted and open transactions stay hidden) or read_uncommitted.")
    IsolationLevel isolation;

    @Spec
    CommandSpec spec;

    /** Where to begin; at most one of these. */
    static final class Start {
        @Option(names = "--from-beginning", description = "Begin at the start of each partition.")
        boolean fromBeginning;

        @Option(names = "--offset", paramLabel = "OFFSET", description = "Begin at this offset in each chosen partition.")
        Long offset;

        @Option(names = "--since", paramLabel = "WHEN", converter = Since.Converter.class,
                description = "Begin at records this old (10m, 2h) or newer than an ISO instant.")
        Since since;

        @Option(names = "--last", paramLabel = "N", defaultValue = "10",
                description = "Begin N offsets before the end of each partition (default: ${DEFAULT-VALUE}).")
        long last = 10;
    }

    @Override
    public Integer call() {
        validate();
        try (Cluster cluster = connection.connect()) {
            TopicDescription description = new TopicInspector(cluster).describe(List.of(topic)).get(topic);
            List<TopicPartition> chosen = chosenPartitions(description);
            PayloadDecoder decoder = new PayloadDecoder(id -> cluster.registry().getSchemaById(id));
            try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer(isolation);
                 StopSignal stop = new StopSignal(consumer::wakeup)) {
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(chosen, cluster.timeout());
                // For read_committed this is the last stable offset: the end such a reader can reach.
                Map<TopicPartition, Long> ends = consumer.endOffsets(chosen, cluster.timeout());
                StartPosition position = new StartPosition(start.fromBeginning, start.offset,
                        start.since == null ? null : start.since.resolve(Clock.systemUTC().instant()), start.last);
                Map<TopicPartition, Long> from = position.resolve(starts, ends,
                        time -> offsetsForTime(consumer, chosen, time, cluster));
                new Tailer(consumer, decoder, spec.commandLine().getOut(), cluster.timeout())
                        .run(from, follow ? null : ends, max, key, stop);
            }
            return 0;
        }
    }

    private void validate() {
        if (max < 0) {
            throw new ParameterException(spec.commandLine(), "--max must be 0 or more");
        }
        if (start.last < 0 || start.offset != null && start.offset < 0) {
            throw new ParameterException(spec.commandLine(), "--last and --offset must be 0 or more");
        }
    }

    private List<TopicPartition> chosenPartitions(TopicDescription description) {
        List<Integer> existing = description.partitions().stream().map(TopicPartitionInfo::partition).sorted().toList();
        if (partitions == null || partitions.isEmpty()) {
            return existing.stream().map(p -> new TopicPartition(topic, p)).toList();
        }
        for (int partition : partitions) {
            if (!existing.contains(partition)) {
                throw new InspectorException("topic '" + topic + "' has no partition " + partition + " (it has "
                        + existing.size() + ": 0.." + (existing.size() - 1) + ")");
            }
        }
        return partitions.stream().distinct().sorted().map(p -> new TopicPartition(topic, p)).toList();
    }

    private static Map<TopicPartition, Long> offsetsForTime(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, Instant time, Cluster cluster) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time.toEpochMilli()));
        Map<TopicPartition, Long> found = new HashMap<>();
        Map<TopicPartition, OffsetAndTimestamp> answer = consumer.offsetsForTimes(query, cluster.timeout());
        answer.forEach((partition, offset) -> {
            if (offset != null) {
                found.put(partition, offset.offset());
            }
        });
        return found;
    }
}
