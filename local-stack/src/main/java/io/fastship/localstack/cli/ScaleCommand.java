package io.fastship.localstack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.fastship.localstack.RunningStack;
import io.fastship.localstack.process.ServiceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fastship scale payment 3}: adds or stops instances of a service in the running stack. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Run N instances of a service (order, payment, inventory) in the running stack.")
final class ScaleCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "order, payment or inventory")
    String service;

    @Parameters(index = "1", description = "instances, 0..32")
    int instances;

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Data directory of the running stack.")
    Path dataDir;

    @Override
    public Integer call() {
        ServiceKind kind = ServiceKind.parse(service);
        var status = RunningStack.scale(dataDir, kind, instances);
        System.out.print(RunningStack.table(status));
        return 0;
    }
}
