package io.fastship.localstack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.fastship.localstack.RunningStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fastship status}: what a running {@code fastship up} runs, and where. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the running stack runs, and where.")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Data directory of the running stack.")
    Path dataDir;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        var status = RunningStack.query(dataDir);
        System.out.print(json ? RunningStack.toJson(status) + "\n" : RunningStack.table(status));
        return 0;
    }
}
