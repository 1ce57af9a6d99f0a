package io.fastship.localstack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.fastship.localstack.RunningStack;
import io.fastship.localstack.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fastship fault broker-2 pause 20s}: one fault into one process of the running stack. */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Inject a fault: TARGET (as ./fastship status lists it) kill | restart | pause DURATION | down DURATION.")
final class FaultCommand implements Callable<Integer> {

    /** Exit code of a fault the stack cannot carry out as asked: unknown target or action. */
    static final int USAGE = 2;

    @Parameters(index = "0", description = "broker-1.., registry, gateway, order-1, payment-2, ...")
    String target;

    @Parameters(index = "1", description = "kill, restart, pause or down")
    String action;

    @Parameters(index = "2", arity = "0..1", description = "how long for pause and down, e.g. 20s, 500ms, 2m")
    String duration;

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Data directory of the running stack.")
    Path dataDir;

    @Override
    public Integer call() {
        Fault fault = Fault.parse(target, action, duration);
        RunningStack.fault(dataDir, fault);
        System.out.println("fault injected: " + fault.describe());
        return 0;
    }
}
