package io.fastship.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.fault.UnknownTargetException;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.security.StackSecurity;

/**
 * A {@link LocalStack} that a second terminal can reach: it publishes its status file and a loopback control
 * endpoint; the static methods are that second terminal's side.
 */
public final class RunningStack implements AutoCloseable {

    private static final Duration SCALE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FAULT_TIMEOUT = Duration.ofMinutes(3);

    private final LocalStack stack;
    private final ControlServer control;

    private RunningStack(LocalStack stack, ControlServer control) {
        this.stack = stack;
        this.control = control;
    }

    public static RunningStack publish(LocalStack stack) {
        return new RunningStack(stack, ControlServer.start(stack));
    }

    /** The loopback control endpoint ({@code GET /status}, {@code POST /scale/...}). */
    public String controlUrl() {
        return control.url();
    }

    public String banner() {
        String orderUrl = stack.instances(ServiceKind.ORDER).stream().findFirst()
                .map(p -> p.baseUrl()).orElse("http://127.0.0.1:8080");
        String kafka = stack.security().map(s -> "  Kafka is SASL_SSL + SCRAM + ACLs; tools: --command-config "
                + s.propertiesOf(StackSecurity.TOOLS) + "\n").orElse("  Kafka is PLAINTEXT with no ACLs (local use only; "
                + "./fastship up --secure for TLS, SASL and ACLs)\n");
        return "\nFastShip is running (Ctrl-C stops everything)\n"
                + "  Order API is OPEN (ORDER_AUTH=none, local use only); deployments need ORDER_API_KEYS\n"
                + kafka
                + StackStatus.of(stack, control.url()).table()
                + "  Logs             " + stack.options().dataDir().resolve("logs") + "\n\n"
                + "Place an order:\n"
                + "  curl -i -X POST " + orderUrl + "/orders -H 'Content-Type: application/json' \\\n"
                + "    -d '{\"customerId\":\"c-1\",\"currency\":\"EUR\",\"paymentToken\":\"tok_visa\","
                + "\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":2}]}'   (priced by the server)\n"
                + "Follow it:  curl '" + orderUrl + "/orders/<orderId>?waitForFinal=10s'\n"
                + "Elsewhere:  ./fastship status | ./fastship scale payment 3 | ./fastship inspect groups\n";
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(stack.options().dataDir().resolve(StackStatus.FILE));
        } catch (IOException e) {
            // A stale status file is detected by the next query: its control endpoint no longer answers.
        }
        control.close();
        stack.close();
    }

    /** The status of the stack running on {@code dataDir}. */
    public static StackStatus query(Path dataDir) {
        return StackStatus.fromJson(call(dataDir, "GET", "/stack", "", Duration.ofSeconds(5)));
    }

    /** Injects a fault into the stack running on {@code dataDir}; returns the control endpoint's answer. */
    public static String fault(Path dataDir, Fault fault) {
        String body = "{\"target\":\"" + fault.target().replace("\"", "") + "\",\"action\":\"" + fault.action().wire()
                + "\"" + fault.duration().map(d -> ",\"durationMs\":" + d.toMillis()).orElse("") + "}";
        return call(dataDir, "POST", "/fault", body, FAULT_TIMEOUT);
    }

    /** Asks the running stack to run {@code instances} of {@code kind}; returns once they are healthy. */
    public static StackStatus scale(Path dataDir, ServiceKind kind, int instances) {
        return StackStatus.fromJson(call(dataDir, "POST", "/scale/" + kind.shortName() + "/" + instances, "", SCALE_TIMEOUT));
    }

    /** Sets one SKU's available units in the running stack (a StockAdjusted SET on the stock topic). */
    public static String setStock(Path dataDir, Path repositoryRoot, String sku, long units) {
        StackStatus status = query(dataDir);
        Path log = dataDir.resolve("logs").resolve("tools.log");
        java.util.Map<String, String> env = toolEnv(dataDir, status);
        int exit = ToolRun.run(repositoryRoot, ServiceKind.INVENTORY, LocalStack.STOCK_SEEDER,
                java.util.List.of("--sku", sku, "--units", Long.toString(units), "--stock-only"), env, log,
                java.util.Optional.empty());
        if (exit != 0) {
            throw new IllegalStateException("setting stock of " + sku + " failed (exit " + exit + "); see " + log);
        }
        return sku + " now has " + units + " units available";
    }

    /** Sets one SKU's price in the running stack (a CatalogItem on the catalog topic). */
    public static String setPrice(Path dataDir, Path repositoryRoot, String sku, long priceMinor, String currency) {
        StackStatus status = query(dataDir);
        Path log = dataDir.resolve("logs").resolve("tools.log");
        java.util.Map<String, String> env = toolEnv(dataDir, status);
        int exit = ToolRun.run(repositoryRoot, ServiceKind.INVENTORY, LocalStack.STOCK_SEEDER,
                java.util.List.of("--sku", sku, "--price-minor", Long.toString(priceMinor), "--currency", currency,
                        "--prices-only"), env, log, java.util.Optional.empty());
        if (exit != 0) {
            throw new IllegalStateException("setting the price of " + sku + " failed (exit " + exit + "); see " + log);
        }
        return sku + " now costs " + priceMinor + " " + currency + " minor units";
    }

    /** How a tool of a second terminal reaches the stack: on a secure one, as operations (stock and prices only). */
    private static java.util.Map<String, String> toolEnv(Path dataDir, StackStatus status) {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("KAFKA_BOOTSTRAP_SERVERS",
                status.kafkaBootstrap(), "SCHEMA_REGISTRY_URL", status.schemaRegistry(),
                "TOPIC_PARTITIONS", Integer.toString(status.partitions())));
        StackSecurity.toolsProperties(dataDir).ifPresent(tools -> env.putAll(StackSecurity.envFromProperties(
                tools.resolveSibling(StackSecurity.OPERATIONS + ".properties"))));
        return env;
    }

    public static String table(StackStatus status) {
        return status.table();
    }

    public static String toJson(StackStatus status) {
        return status.toJson();
    }

    private static String call(Path dataDir, String method, String path, String body, Duration timeout) {
        Path file = dataDir.resolve(StackStatus.FILE);
        String notRunning = "no FastShip stack is running on " + dataDir.toAbsolutePath() + " (start one with ./fastship up)";
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(notRunning);
        }
        try {
            StackStatus recorded = StackStatus.fromJson(Files.readString(file));
            HttpRequest request = HttpRequest.newBuilder(URI.create(recorded.controlUrl() + path))
                    .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").timeout(timeout).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 && path.equals("/fault")) {
                throw new UnknownTargetException(ControlProblem.detail(response.body()));
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(ControlProblem.detail(response.body()));
            }
            return response.body();
        } catch (ConnectException e) {
            throw new IllegalStateException(notRunning);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the running stack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
