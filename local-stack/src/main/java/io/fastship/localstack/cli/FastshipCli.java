package io.fastship.localstack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./fastship}: run the whole system locally, see what runs, scale a service while it runs. */
@Command(name = "fastship", mixinStandardHelpOptions = true,
        subcommands = {UpCommand.class, StatusCommand.class, ScaleCommand.class, StockCommand.class,
                PriceCommand.class, FaultCommand.class},
        description = "FastShip local stack: real Kafka brokers, the schema registry and every service; faults on demand.")
public final class FastshipCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FastshipCli());
        // A user error is one line, not a stack trace.
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            cmd.getErr().println("fastship: " + String.valueOf(error.getMessage()).lines().findFirst().orElse(""));
            // A fault the stack cannot carry out as asked (unknown target or action) is a usage error.
            boolean usage = cmd.getCommand() instanceof FaultCommand && error instanceof IllegalArgumentException;
            return usage ? FaultCommand.USAGE : 1;
        });
        return commandLine;
    }
}
