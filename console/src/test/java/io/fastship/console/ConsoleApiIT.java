package io.fastship.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.inspector.Cluster;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON API against the real broker and registry, with events written the way the services write them. */
@WithKafkaStack
class ConsoleApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private FlowEvents events;
    private ConsoleServer server;

    @BeforeEach
    void start(KafkaStack stack) {
        String namespace = stack.uniqueName("api");
        events = new FlowEvents(stack, namespace);
        events.createTopics();
        server = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0, null, namespace),
                new Cluster("console-it", stack.bootstrapServers(), stack.schemaRegistryUrl(), Map.of(),
                        Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldShowAnOrdersTimelineAcrossTopicsWithTraceIdsAndDeadLetters() throws Exception {
        String orderId = events.placeOrder();
        events.placeOrder();
        events.deadLetter(orderId, "io.fastship.payment.GatewayRejected", "card expired");

        JsonNode body = getJson("/api/orders/" + orderId, 200);

        List<String> labels = new ArrayList<>();
        body.get("events").forEach(e -> labels.add(e.get("event").asText()));
        assertThat(labels).containsExactly("OrderCreated", "PaymentEvent AUTHORIZED", "OrderStatusChanged CONFIRMED",
                "dead letter (io.fastship.payment.GatewayRejected)");
        JsonNode created = body.get("events").get(0);
        assertThat(created.at("/value/orderId").asText()).isEqualTo(orderId);
        assertThat(created.at("/value/totalMinor").asLong()).isEqualTo(3998L);
        assertThat(created.get("traceId").asText()).hasSize(32)
                .isEqualTo(body.get("events").get(2).get("traceId").asText());
        assertThat(created.get("timestamp").asText()).isNotBlank();
    }

    @Test
    void shouldAnswerAnUnknownOrderAndAnUnknownTopicWithProblems() throws Exception {
        ConsoleApiTest.assertProblem(get("/api/orders/no-such-order"), 404, "no event of order 'no-such-order'");
        ConsoleApiTest.assertProblem(get("/api/topics/no-such-topic"), 404, "topic 'no-such-topic' does not exist");
        ConsoleApiTest.assertProblem(get("/api/groups/no-such-group"), 404, "group 'no-such-group' does not exist");
    }

    @Test
    void shouldShowATopicsPartitionsSchemaVersionsAndNewestRecordsDecoded() throws Exception {
        String orderId = events.placeOrder();
        String topic = events.topic("orders");

        JsonNode detail = getJson("/api/topics/" + topic, 200);
        JsonNode records = getJson("/api/topics/" + topic + "/records?limit=5", 200);

        assertThat(detail.at("/details/partitions")).hasSize(FlowEvents.PARTITIONS);
        assertThat(detail.at("/details/partitions/0/isr").get(0).isInt()).isTrue();
        assertThat(detail.at("/details/subjects/0/subject").asText()).isEqualTo(topic + "-value");
        assertThat(detail.at("/details/subjects/0/versions")).isNotEmpty();
        assertThat(detail.at("/summary/retentionMs").isNumber()).isTrue();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).at("/value/orderId").asText()).isEqualTo(orderId);
        assertThat(records.get(0).at("/headers/traceparent").asText()).startsWith("00-");
    }

    @Test
    void shouldGroupDeadLettersByErrorClass() throws Exception {
        events.deadLetter("o-1", "java.lang.IllegalStateException", "first");
        events.deadLetter("o-2", "java.lang.IllegalStateException", "second");
        events.deadLetter("o-3", "org.apache.kafka.common.errors.SerializationException", "bad bytes");

        JsonNode body = getJson("/api/dead-letters", 200);

        assertThat(body).hasSize(1);
        JsonNode dlq = body.get(0);
        assertThat(dlq.get("topic").asText()).isEqualTo(events.topic("payment-service.dlq"));
        assertThat(dlq.get("errorClasses")).hasSize(2);
        assertThat(dlq.at("/errorClasses/0/errorClass").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(dlq.at("/errorClasses/0/count").asInt()).isEqualTo(2);
        assertThat(dlq.at("/errorClasses/0/records/0/headers/dlq.error.message").asText()).isEqualTo("second");
    }

    @Test
    void shouldShowGroupMembersTheirPartitionsAndLagAndPushThemOverSse(KafkaStack stack) throws Exception {
        String group = events.topic("payment-service");
        events.load(30);
        try (GroupMember member = new GroupMember(stack.clientConfig(), group, "payment-a", events.topic("orders"))) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode view = getJson("/api/groups/" + group, 200);
                assertThat(view.at("/snapshot/members")).hasSize(1);
                assertThat(view.at("/snapshot/members/0/assignment")).hasSize(FlowEvents.PARTITIONS);
                assertThat(view.at("/snapshot/totalLag").asLong()).isZero();
            });

            JsonNode pushed = firstSseEvent("/api/groups/" + group + "/stream", "group");
            assertThat(pushed.at("/snapshot/group").asText()).isEqualTo(group);
            assertThat(pushed.at("/snapshot/partitions")).hasSize(FlowEvents.PARTITIONS);
            assertThat(pushed.get("scale").isNull()).isTrue();

            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode flow = getJson("/api/flow", 200);
                JsonNode orders = flow.get("topics").get(0);
                assertThat(orders.get("name").asText()).isEqualTo(events.topic("orders"));
                assertThat(orders.get("endOffset").asLong()).isEqualTo(30);
                JsonNode groupFlow = null;
                for (JsonNode g : flow.get("groups")) {
                    if (g.get("group").asText().equals(group)) {
                        groupFlow = g;
                    }
                }
                assertThat(groupFlow).isNotNull();
                assertThat(groupFlow.get("members")).hasSize(1);
                assertThat(groupFlow.at("/members/0/partitions").asInt()).isEqualTo(FlowEvents.PARTITIONS);
                assertThat(groupFlow.get("outPerSecond").has(events.topic("orders"))).isTrue();
            });
        }
    }

    private JsonNode firstSseEvent(String path, String event) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            boolean wanted = false;
            while ((line = reader.readLine()) != null) {
                if (line.equals("event: " + event)) {
                    wanted = true;
                } else if (wanted && line.startsWith("data: ")) {
                    return JSON.readTree(line.substring("data: ".length()));
                }
            }
        }
        throw new AssertionError("the stream ended without a '" + event + "' event");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
