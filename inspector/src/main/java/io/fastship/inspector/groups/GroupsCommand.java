package io.fastship.inspector.groups;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.ConnectionOptions;
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

/** {@code inspect groups}: every consumer group with its state, members and total lag. */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "List consumer groups (classic, consumer, streams): type, state, members, total lag.")
public final class GroupsCommand implements Callable<Integer> {

    static final Table<GroupSummary> TABLE = new Table<>(
            Column.of("GROUP", GroupSummary::group),
            Column.of("TYPE", GroupSummary::type),
            Column.of("PROTOCOL", GroupSummary::protocol),
            Column.of("STATE", GroupSummary::state),
            Column.of("MEMBERS", GroupSummary::members),
            Column.of("TOTAL-LAG", GroupSummary::totalLag));

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = "--prefix", defaultValue = "", description = "Only groups whose id starts with this.")
    String prefix;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Cluster cluster = connection.connect()) {
            List<GroupSummary> groups = new GroupInspector(cluster).summaries(prefix);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.pretty(groups) + "\n" : TABLE.render(groups));
            out.flush();
            return 0;
        }
    }
}
