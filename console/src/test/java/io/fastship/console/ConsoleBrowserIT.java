package io.fastship.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import io.fastship.inspector.Cluster;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Each page in headless Chromium against the real broker, checking what a person sees. Writes the Flow and
 * Groups screenshots to target/screenshots/, or to {@code -Dconsole.screenshots=../docs/images} to refresh the README's.
 */
@WithKafkaStack
class ConsoleBrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    // Not docs/images by default: a build must not change tracked files (each verify left the two PNGs modified).
    private static final Path IMAGES = Path.of(System.getProperty("console.screenshots", "target/screenshots"));

    private ChromeDriver browser;
    private FlowEvents events;
    private FakeStackControl control;
    private ConsoleServer server;
    private final ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    private final List<GroupMember> others = new java.util.ArrayList<>();

    @BeforeEach
    void start(KafkaStack stack) throws Exception {
        browser = Browser.open();
        String namespace = stack.uniqueName("web");
        events = new FlowEvents(stack, namespace);
        events.createTopics();
        control = new FakeStackControl(stack.clientConfig(), events.topic("payment-service"), events.topic("orders"));
        server = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0, control.url(), namespace),
                new Cluster("console-browser-it", stack.bootstrapServers(), stack.schemaRegistryUrl(), Map.of(),
                        Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() throws Exception {
        load.shutdownNow();
        if (browser != null) {
            browser.quit();
        }
        for (GroupMember member : others) {
            member.close();
        }
        if (control != null) {
            control.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldShowTheFlowWithEveryGroupAndItsMembers(KafkaStack stack) throws Exception {
        control.scaleTo(2);
        others.add(new GroupMember(stack.clientConfig(), events.topic("inventory-service"), "inventory-1",
                events.topic("orders"), events.topic("order-status")));
        others.add(new GroupMember(stack.clientConfig(), events.topic("order-service"), "order-1",
                events.topic("payments"), events.topic("inventory")));
        events.placeOrder();
        load.scheduleAtFixedRate(this::someLoad, 0, 200, TimeUnit.MILLISECONDS);

        long started = System.nanoTime();
        browser.get(server.url() + "/flow.html");
        String payment = groupBox(events.topic("payment-service"));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(texts(payment + " .member-count")).containsExactly("2");
            assertThat(texts(payment + " .partitions")).containsExactlyInAnyOrder("1", "2");
            assertThat(texts(groupBox(events.topic("order-service")))).singleElement(STRING)
                    .contains(events.topic("payments"));
            assertThat(texts(topicBox(events.topic("orders")))).singleElement(STRING)
                    .contains("/s").contains("3 partitions");
        });
        System.out.printf("flow page: first full render %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Browser.screenshot(browser, IMAGES.resolve("console-flow.png"));
    }

    @Test
    void shouldShowPartitionsMoveWhenAPersonScalesTheService() throws Exception {
        control.scaleTo(1);
        load.scheduleAtFixedRate(this::someLoad, 0, 200, TimeUnit.MILLISECONDS);

        browser.get(server.url() + "/groups.html?group=" + events.topic("payment-service"));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(memberPartitions()).containsExactly("3");
            assertThat(texts("#instances")).containsExactly("1");
        });
        click("#scale-up");

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(memberPartitions()).containsExactlyInAnyOrder("1", "2");
            assertThat(texts("#instances")).containsExactly("2");
            assertThat(texts("#partition-table tbody tr")).hasSize(3);
        });
        assertThat(browser.findElement(By.cssSelector("#lag-chart canvas")).isDisplayed()).isTrue();
        Browser.screenshot(browser, IMAGES.resolve("console-groups.png"));

        click("#scale-down");
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(memberPartitions()).containsExactly("3"));
    }

    @Test
    void shouldShowAnOrdersTimelineAfterItWasPlaced() throws Exception {
        String orderId = events.placeOrder();
        events.deadLetter(orderId, "io.fastship.payment.GatewayTimeout", "no answer in 5s");

        browser.get(server.url() + "/order.html");
        browser.findElement(By.id("orderId")).sendKeys(orderId);
        browser.findElement(By.cssSelector("#search button")).click();

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(texts("#events td.event")).containsExactly("OrderCreated", "PaymentEvent AUTHORIZED",
                    "OrderStatusChanged CONFIRMED", "dead letter (io.fastship.payment.GatewayTimeout)");
        });
        assertThat(texts("#events")).singleElement(STRING).containsPattern("[0-9a-f]{32}");

        browser.findElement(By.id("orderId")).clear();
        browser.findElement(By.id("orderId")).sendKeys("bad id!");
        browser.findElement(By.cssSelector("#search button")).click();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(texts(".problem"))
                .singleElement(STRING).contains("is not an order id"));
    }

    @Test
    void shouldShowATopicsPartitionsSchemasAndDecodedRecords() throws Exception {
        String orderId = events.placeOrder();

        browser.get(server.url() + "/topics.html?topic=" + events.topic("orders"));

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(texts("#partition-table tbody tr")).hasSize(3);
            assertThat(texts("#subjects")).singleElement(STRING).contains(events.topic("orders") + "-value");
            assertThat(texts("#records")).singleElement(STRING).contains(orderId).contains("traceparent");
        });

        browser.get(server.url() + "/topics.html?topic=no-such-topic");
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(texts(".problem"))
                .singleElement(STRING).contains("topic 'no-such-topic' does not exist"));
    }

    @Test
    void shouldShowDeadLettersGroupedByErrorClass() throws Exception {
        events.deadLetter("o-1", "java.lang.IllegalStateException", "first");
        events.deadLetter("o-2", "java.lang.IllegalStateException", "second");
        events.deadLetter("o-3", "org.apache.kafka.common.errors.SerializationException", "bad bytes");

        browser.get(server.url() + "/dead-letters.html");

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(texts(".error-class")).containsExactly("java.lang.IllegalStateException",
                    "org.apache.kafka.common.errors.SerializationException");
            assertThat(texts(".dlq")).singleElement(STRING).contains("bad bytes").contains("second");
        });
    }

    private void someLoad() {
        try {
            events.load(20, "orders", "payments", "inventory", "order-status");
        } catch (Exception e) {
            // The next tick tries again; load only makes the rates and the chart move.
        }
    }

    /** Clicks through a script, as the live re-render may replace the button between finding and clicking it. */
    private void click(String selector) {
        browser.executeScript("document.querySelector(arguments[0]).click();", selector);
    }

    private List<String> memberPartitions() {
        return texts("#member-table td.partitions");
    }

    /**
     * The visible text of every element the selector matches, read in one script: the pages re-render every
     * second, so element handles would go stale between finding and reading them.
     */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.innerText.trim());", selector);
    }

    private static String groupBox(String group) {
        return ".box.group[data-group='" + group + "']";
    }

    private static String topicBox(String topic) {
        return ".box.topic[data-topic='" + topic + "']";
    }
}
