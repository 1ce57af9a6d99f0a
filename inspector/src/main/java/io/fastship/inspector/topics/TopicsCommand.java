package io.fastship.inspector.topics;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.ConnectionOptions;
import io.fastship.inspector.Durations;
import io.fastship.inspector.output.Column;
import io.fastship.inspector.output.Json;
import io.fastship.inspector.output.OutputOptions;
import io.fastship.inspector.output.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inspect topics}: every topic with its size and settings. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "List topics: partitions, replication, retention, cleanup policy, message estimate, bytes.")
public final class TopicsCommand implements Callable<Integer> {

    static final Table<TopicSummary> TABLE = new Table<>(
            Column.of("TOPIC", TopicSummary::topic),
            Column.of("PARTITIONS", TopicSummary::partitions),
            Column.of("RF", TopicSummary::replicationFactor),
            Column.of("RETENTION", t -> Durations.formatRetention(t.retentionMs())),
            Column.of("CLEANUP", TopicSummary::cleanupPolicy),
            Column.of("MESSAGES", TopicSummary::messages),
            Column.of("BYTES", TopicSummary::bytes));

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = "--prefix", defaultValue = "", description = "Only topics whose name starts with this.")
    String prefix;

    @Option(names = "--internal", description = "Include internal topics (__consumer_offsets, ...).")
    boolean internal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Cluster cluster = connection.connect()) {
            List<TopicSummary> topics = new TopicInspector(cluster).summaries(prefix, internal);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.pretty(topics) + "\n" : TABLE.render(topics));
            out.flush();
            return 0;
        }
    }
}
