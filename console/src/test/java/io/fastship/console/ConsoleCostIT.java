package io.fastship.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the console costs: page load time of the Groups page and the console JVM's CPU over 20 s while the
 * page is open and a producer runs, against 20 s with no page open. A measurement, not a check: run with
 * {@code -Dconsole.measure=true}; it prints its numbers.
 */
@WithKafkaStack
@EnabledIfSystemProperty(named = "console.measure", matches = "true")
class ConsoleCostIT {

    private static final long CLOCK_TICKS = 100;
    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Test
    void shouldMeasurePageLoadAndConsoleCpuUnderLoad(KafkaStack stack) throws Exception {
        String namespace = stack.uniqueName("cost");
        FlowEvents events = new FlowEvents(stack, namespace);
        events.createTopics();
        events.placeOrder();
        Process console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ConsoleMain.class.getName(), "--bootstrap-server", stack.bootstrapServers(),
                "--schema-registry", stack.schemaRegistryUrl(), "--topic-namespace", namespace, "--port", "0")
                .redirectErrorStream(true).start();
        AtomicReference<String> url = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(console.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("FastShip console on ")) {
                        url.set(line.substring("FastShip console on ".length()).split(" ")[0]);
                    }
                }
            } catch (java.io.IOException e) {
                // the console went away
            }
        });
        reader.setDaemon(true);
        reader.start();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        String group = events.topic("payment-service");
        try (GroupMember one = new GroupMember(stack.clientConfig(), group, "payment-1", events.topic("orders"));
             GroupMember two = new GroupMember(stack.clientConfig(), group, "payment-2", events.topic("orders"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> url.get() != null);
            // About 1,000 records a second into orders for the whole measurement.
            load.scheduleAtFixedRate(() -> {
                try {
                    events.load(100);
                } catch (Exception e) {
                    // the next tick tries again
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            Thread.sleep(5_000); // measurement warm-up, not synchronisation: let the load and the JVM settle
            double idle = cpuPercent(console.pid());

            ChromeDriver browser = Browser.open();
            try {
                long started = System.nanoTime();
                browser.get(url.get() + "/groups.html?group=" + group);
                long loaded = (System.nanoTime() - started) / 1_000_000;
                await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
                        org.openqa.selenium.By.cssSelector("#member-table td.partitions")).isEmpty());
                long firstData = (System.nanoTime() - started) / 1_000_000;
                Object timing = browser.executeScript("const t = performance.getEntriesByType('navigation')[0];"
                        + "return [Math.round(t.domContentLoadedEventEnd), Math.round(t.loadEventEnd),"
                        + " performance.getEntriesByType('resource').reduce((s, r) => s + (r.transferSize || 0), 0)];");
                double open = cpuPercent(console.pid());
                System.out.printf("console cost: page load %d ms (navigation DOMContentLoaded/load/bytes %s), "
                        + "first group data %d ms; console CPU over %d s: %.1f%% of one core with no page, "
                        + "%.1f%% with the Groups page open (load ~1000 records/s)%n",
                        loaded, timing, firstData, WINDOW.toSeconds(), idle, open);
                assertThat(open).isGreaterThanOrEqualTo(0);
            } finally {
                browser.quit();
            }
        } finally {
            load.shutdownNow();
            console.destroy();
            console.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** CPU of a process over the window, from utime + stime in /proc/<pid>/stat, as percent of one core. */
    private static double cpuPercent(long pid) throws Exception {
        long before = cpuTicks(pid);
        long start = System.nanoTime();
        Thread.sleep(WINDOW.toMillis()); // the measurement window itself
        long ticks = cpuTicks(pid) - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        return 100.0 * ticks / CLOCK_TICKS / seconds;
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        // Fields after the command: state is index 0, so utime (14th field) is 11 and stime is 12.
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }

}
