package io.fastship.inspector;

import io.fastship.inspector.groups.GroupCommand;
import io.fastship.inspector.groups.GroupsCommand;
import io.fastship.inspector.groups.WatchCommand;
import io.fastship.inspector.tail.TailCommand;
import io.fastship.inspector.topics.DescribeCommand;
import io.fastship.inspector.topics.TopicsCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fastship inspect}: topics, consumer groups and decoded records of any Kafka cluster. */
@Command(name = "inspect", mixinStandardHelpOptions = true, version = "fastship inspector 0.1.0",
        description = "See what flows through the topics and how consumers share the partitions.",
        subcommands = {TopicsCommand.class, DescribeCommand.class, GroupsCommand.class, GroupCommand.class,
                TailCommand.class, WatchCommand.class},
        footer = {"", "Exit status: 0 done, 1 the cluster or registry said no (one line on stderr), 2 bad usage."})
public final class InspectorCommand implements Runnable {

    /** Exit status when the command could not do its job. */
    public static final int FAILED = 1;
    /** Exit status for a command line that does not parse. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the inspector's error handling; tests call {@code execute} on it with their writers. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new InspectorCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            failed.getErr().println("inspect: " + Failures.oneLine(failure, registryUrl(failed)));
            failed.getErr().flush();
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((failure, args) -> {
            PrintWriter err = failure.getCommandLine().getErr();
            err.println("inspect: " + Failures.oneLine(failure, "") + " (see --help)");
            err.flush();
            return USAGE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String registryUrl(CommandLine failed) {
        Object value = failed.getCommandSpec().findOption("--schema-registry") == null ? null
                : failed.getCommandSpec().findOption("--schema-registry").getValue();
        return value == null ? "(unknown)" : value.toString();
    }
}
