package io.fastship.console;

import io.fastship.inspector.ConnectionOptions;
import io.fastship.inspector.InspectorException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fastship console}: serves the web console until Ctrl-C, against any cluster the inspector can reach. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Live web console: the order flow, groups and lag, topics, an order's timeline, dead letters.",
                "Read-only unless --control-url names a local stack's control endpoint (then it can scale services)."})
public final class ConsoleMain implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--host", defaultValue = "${env:CONSOLE_HOST:-127.0.0.1}",
            description = "Address to listen on (default: $CONSOLE_HOST or 127.0.0.1).")
    String host;

    @Option(names = "--port", defaultValue = "${env:CONSOLE_PORT:-8090}",
            description = "Port to listen on; 0 picks a free one (default: $CONSOLE_PORT or 8090).")
    int port;

    @Option(names = "--control-url", paramLabel = "URL", defaultValue = "${env:FASTSHIP_CONTROL_URL}",
            description = "Control endpoint of a local stack (./fastship up); enables the scale buttons.")
    String controlUrl;

    @Option(names = "--topic-namespace", paramLabel = "NS", defaultValue = "${env:TOPIC_NAMESPACE:-}",
            description = "TOPIC_NAMESPACE of the services, if they use one (default: none).")
    String namespace;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ConsoleMain());
        line.setExecutionExceptionHandler((error, cmd, parsed) -> {
            String message = error instanceof InspectorException || error instanceof IllegalArgumentException
                    ? error.getMessage() : error.toString();
            cmd.getErr().println("console: " + message);
            return 1;
        });
        return line;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConsoleSettings settings = ConsoleSettings.of(host, port, controlUrl, namespace);
        ConsoleServer server = ConsoleServer.start(settings, connection.connect("fastship-console"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "console-shutdown"));
        System.out.println("FastShip console on " + server.url() + (settings.controlUrl() == null ? " (read-only)"
                : " (scaling through " + settings.controlUrl() + ")"));
        stopped.await();
        return 0;
    }
}
