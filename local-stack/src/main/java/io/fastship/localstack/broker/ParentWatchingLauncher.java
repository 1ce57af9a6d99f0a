package io.fastship.localstack.broker;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Main class of the broker JVM: runs {@code kafka.Kafka} and exits (through Kafka's own shutdown hook)
 * when the process that started it dies, so a killed test run or launcher never leaves a broker behind.
 *
 * <p>Arguments: {@code <parent-pid> <main-class> <args...>}.
 */
public final class ParentWatchingLauncher {

    private ParentWatchingLauncher() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
