package io.fastship.inspector.groups;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.ConnectionOptions;
import io.fastship.inspector.output.Json;
import io.fastship.inspector.output.OutputOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect group GROUP}: members, assignments, committed offsets and lag of one group. */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Show a group's members, the partitions each owns, committed and end offsets, and lag.")
public final class GroupCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "GROUP", description = "Consumer group id or Kafka Streams application id.")
    String group;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Cluster cluster = connection.connect()) {
            GroupSnapshot snapshot = new GroupInspector(cluster).snapshot(group);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.pretty(snapshot) + "\n" : GroupView.render(snapshot));
            out.flush();
            return 0;
        }
    }
}
