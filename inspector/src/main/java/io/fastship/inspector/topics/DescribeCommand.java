package io.fastship.inspector.topics;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.ConnectionOptions;
import io.fastship.inspector.output.Column;
import io.fastship.inspector.output.Json;
import io.fastship.inspector.output.OutputOptions;
import io.fastship.inspector.output.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect describe TOPIC}: partitions, offsets and schema subjects of one topic. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a topic's partitions (leader, ISR, offsets) and its schema registry subjects.")
public final class DescribeCommand implements Callable<Integer> {

    static final Table<PartitionState> PARTITIONS = new Table<>(
            Column.of("PARTITION", PartitionState::partition),
            Column.of("LEADER", PartitionState::leader),
            Column.of("REPLICAS", p -> join(p.replicas())),
            Column.of("ISR", p -> join(p.isr())),
            Column.of("START", PartitionState::startOffset),
            Column.of("END", PartitionState::endOffset),
            Column.of("MESSAGES", PartitionState::messages));

    static final Table<SchemaSubject> SUBJECTS = new Table<>(
            Column.of("SUBJECT", SchemaSubject::subject),
            Column.of("STRATEGY", SchemaSubject::strategy),
            Column.of("VERSIONS", s -> join(s.versions())),
            Column.of("LATEST-ID", SchemaSubject::latestId),
            Column.of("SCHEMA", SchemaSubject::latestSchema));

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Cluster cluster = connection.connect()) {
            TopicDetails details = new TopicInspector(cluster).details(topic);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.pretty(details));
            } else {
                out.print(PARTITIONS.render(details.partitions()));
                out.println();
                out.print(SUBJECTS.render(details.subjects()));
            }
            out.flush();
            if (details.subjectsError() != null) {
                spec.commandLine().getErr().println("inspect: warning: no schema subjects: " + details.subjectsError());
                spec.commandLine().getErr().flush();
            }
            return 0;
        }
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
