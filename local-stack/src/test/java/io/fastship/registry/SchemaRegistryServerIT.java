package io.fastship.registry;

import static io.fastship.registry.RegistryHttp.V1_JSON;
import static io.fastship.registry.RegistryHttp.schemaBody;
import static io.fastship.registry.TestSchemas.ORDER_ID_AS_INT;
import static io.fastship.registry.TestSchemas.ORDER_V1;
import static io.fastship.registry.TestSchemas.ORDER_V1_RESPELLED;
import static io.fastship.registry.TestSchemas.ORDER_V2_REQUIRED_FIELD;
import static io.fastship.registry.TestSchemas.ORDER_V2_WITH_DEFAULT;
import static io.fastship.registry.TestSchemas.canonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.registry.RegistryHttp.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry over real HTTP, storing in a real Kafka topic: each test gets its own registries and topic. */
@WithKafkaStack
class SchemaRegistryServerIT {

    private final List<SchemaRegistryServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(SchemaRegistryServer::close);
    }

    @Test
    void shouldRegisterDedupeAndShareIdsAcrossSubjects(KafkaStack stack) {
        RegistryHttp http = new RegistryHttp(start(stack, stack.uniqueName("_schemas")).url());

        Response first = http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1));
        Response respelled = http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1_RESPELLED));
        Response second = http.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_WITH_DEFAULT));
        // A subject with dots, dashes and an encoded colon, sent as plain application/json.
        Response elsewhere = http.send("POST", "/subjects/fastship.payments%3Av1-value/versions",
                schemaBody(ORDER_V1), "application/json");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(V1_JSON);
        assertThat(first.json().get("id").asInt()).isEqualTo(1);
        assertThat(respelled.json().get("id").asInt()).isEqualTo(1);
        assertThat(second.json().get("id").asInt()).isEqualTo(2);
        assertThat(elsewhere.json().get("id").asInt()).isEqualTo(1);

        assertThat(http.get("/subjects").json().toString())
                .isEqualTo("[\"fastship.payments:v1-value\",\"orders-value\"]");
        assertThat(http.get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/fastship.payments%3Av1-value/versions").json().toString()).isEqualTo("[1]");
        assertThat(http.get("/schemas/ids/1").json().get("schema").asText()).isEqualTo(canonical(ORDER_V1));
        assertThat(http.get("/schemas/ids/1/versions").json().toString()).isEqualTo(
                "[{\"subject\":\"fastship.payments:v1-value\",\"version\":1},{\"subject\":\"orders-value\",\"version\":1}]");

        Response latest = http.get("/subjects/orders-value/versions/Latest");
        assertThat(latest.json().get("subject").asText()).isEqualTo("orders-value");
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(latest.json().get("id").asInt()).isEqualTo(2);
        assertThat(latest.json().get("schema").asText()).isEqualTo(canonical(ORDER_V2_WITH_DEFAULT));

        Response rawSchema = http.get("/subjects/orders-value/versions/1/schema");
        assertThat(rawSchema.contentType()).startsWith(V1_JSON);
        assertThat(rawSchema.body()).isEqualTo(canonical(ORDER_V1));
    }

    @Test
    void shouldLookUpWhichVersionHoldsASchema(KafkaStack stack) {
        RegistryHttp http = new RegistryHttp(start(stack, stack.uniqueName("_schemas")).url());
        http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1));
        http.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_WITH_DEFAULT));

        Response found = http.send("POST", "/subjects/orders-value", schemaBody(ORDER_V1_RESPELLED),
                "application/vnd.schemaregistry+json");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("subject").asText()).isEqualTo("orders-value");
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("id").asInt()).isEqualTo(1);
        assertThat(found.json().get("schema").asText()).isEqualTo(canonical(ORDER_V1));
        expectError(http.post("/subjects/orders-value", schemaBody(ORDER_ID_AS_INT)), 404, 40403);
        expectError(http.post("/subjects/nobody-value", schemaBody(ORDER_V1)), 404, 40401);
    }

    @Test
    void shouldRefuseIncompatibleChangesUnderTheEffectiveLevel(KafkaStack stack) {
        RegistryHttp http = new RegistryHttp(start(stack, stack.uniqueName("_schemas")).url());
        http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1));

        assertThat(http.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        Response refused = http.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_REQUIRED_FIELD));
        expectError(refused, 409, 40901);
        assertThat(refused.json().get("message").asText()).contains("amount");

        Response verbose = http.post("/compatibility/subjects/orders-value/versions/latest?verbose=true",
                schemaBody(ORDER_V2_REQUIRED_FIELD));
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages")).isNotEmpty();
        assertThat(verbose.json().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        Response quiet = http.post("/compatibility/subjects/orders-value/versions/1", schemaBody(ORDER_V2_WITH_DEFAULT));
        assertThat(quiet.json().toString()).isEqualTo("{\"is_compatible\":true}");
        assertThat(http.post("/compatibility/subjects/nobody-value/versions/latest", schemaBody(ORDER_V1))
                .json().get("is_compatible").asBoolean()).isTrue();
        expectError(http.post("/compatibility/subjects/orders-value/versions/9", schemaBody(ORDER_V1)), 404, 40402);

        Response set = http.put("/config/orders-value", "{\"compatibility\":\"forward\"}");
        assertThat(set.json().toString()).isEqualTo("{\"compatibility\":\"FORWARD\"}");
        assertThat(http.get("/config/orders-value").json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(http.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_REQUIRED_FIELD)).json()
                .get("id").asInt()).isEqualTo(2);

        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        expectError(http.get("/config/other-value"), 404, 40408);
        assertThat(http.get("/config/other-value?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertThat(http.put("/config", "{\"compatibility\":\"NONE\"}").json().get("compatibility").asText())
                .isEqualTo("NONE");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
        expectError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDelete(KafkaStack stack) {
        RegistryHttp http = new RegistryHttp(start(stack, stack.uniqueName("_schemas")).url());
        http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1));
        http.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_WITH_DEFAULT));

        expectError(http.delete("/subjects/orders-value?permanent=true"), 404, 40405);
        assertThat(http.delete("/subjects/orders-value").json().toString()).isEqualTo("[1,2]");
        expectError(http.delete("/subjects/orders-value"), 404, 40404);
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).isEqualTo("[\"orders-value\"]");
        expectError(http.get("/subjects/orders-value/versions"), 404, 40401);
        assertThat(http.get("/schemas/ids/2").status()).as("readers still resolve soft-deleted ids").isEqualTo(200);

        assertThat(http.delete("/subjects/orders-value?permanent=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).isEqualTo("[]");
        expectError(http.get("/schemas/ids/2"), 404, 40403);
        expectError(http.delete("/subjects/orders-value"), 404, 40401);
    }

    @Test
    void shouldAnswerErrorsInTheRegistrysShape(KafkaStack stack) {
        RegistryHttp http = new RegistryHttp(start(stack, stack.uniqueName("_schemas")).url());
        http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1));

        expectError(http.get("/subjects/orders-value/versions/zero"), 422, 42202);
        expectError(http.get("/subjects/orders-value/versions/0"), 422, 42202);
        expectError(http.get("/subjects/orders-value/versions/2"), 404, 40402);
        expectError(http.get("/subjects/nobody-value/versions/1"), 404, 40401);
        expectError(http.get("/schemas/ids/42"), 404, 40403);
        expectError(http.get("/schemas/ids/42/versions"), 404, 40403);
        expectError(http.post("/subjects/orders-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrod\\\"}\"}"), 422, 42201);
        Response protobuf = http.post("/subjects/p-value/versions",
                "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");
        expectError(protobuf, 422, 42201);
        assertThat(protobuf.json().get("message").asText()).contains("PROTOBUF").contains("AVRO");
        Response references = http.post("/subjects/r-value/versions", "{\"schema\":\"\\\"string\\\"\","
                + "\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}");
        expectError(references, 422, 42201);
        assertThat(references.json().get("message").asText()).contains("references");
        expectError(http.post("/subjects/orders-value/versions", "{not json"), 422, 422);
        expectError(http.get("/no/such/route"), 404, 404);

        assertThat(http.get("/").json().toString()).isEqualTo("{}");
        assertThat(http.get("/mode").json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.send("POST", "/subjects/octet-value/versions", schemaBody("\"string\""), "application/octet-stream")
                .json().get("id").asInt()).isEqualTo(2);
    }

    @Test
    void shouldKeepIdsVersionsAndConfigAcrossARestart(KafkaStack stack) {
        String topic = stack.uniqueName("_schemas");
        SchemaRegistryServer before = start(stack, topic);
        RegistryHttp first = new RegistryHttp(before.url());
        first.post("/subjects/orders-value/versions", schemaBody(ORDER_V1));
        first.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_WITH_DEFAULT));
        first.post("/subjects/gone-value/versions", schemaBody("\"long\""));
        first.delete("/subjects/gone-value");
        first.put("/config/orders-value", "{\"compatibility\":\"FULL\"}");
        before.close();

        RegistryHttp http = new RegistryHttp(start(stack, topic).url());

        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"orders-value\"]");
        assertThat(http.get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/orders-value/versions/latest").json().get("id").asInt()).isEqualTo(2);
        assertThat(http.get("/schemas/ids/1").json().get("schema").asText()).isEqualTo(canonical(ORDER_V1));
        assertThat(http.get("/config/orders-value").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(http.get("/subjects/gone-value/versions?deleted=true").json().toString()).isEqualTo("[1]");
        assertThat(http.post("/subjects/orders-value/versions", schemaBody(ORDER_V1)).json().get("id").asInt())
                .isEqualTo(1);
        assertThat(http.post("/subjects/new-value/versions", schemaBody("\"int\"")).json().get("id").asInt())
                .as("ids continue after the highest one in the topic").isEqualTo(4);
        assertThat(http.post("/subjects/gone-value/versions", schemaBody("\"long\"")).json().get("id").asInt())
                .isEqualTo(3);
        assertThat(http.get("/subjects/gone-value/versions").json().toString())
                .as("versions continue after soft-deleted ones").isEqualTo("[2]");
    }

    @Test
    void shouldLetTwoInstancesOnOneTopicSeeEachOthersWrites(KafkaStack stack) {
        String topic = stack.uniqueName("_schemas");
        RegistryHttp a = new RegistryHttp(start(stack, topic).url());
        RegistryHttp b = new RegistryHttp(start(stack, topic).url());

        assertThat(a.post("/subjects/orders-value/versions", schemaBody(ORDER_V1)).json().get("id").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(b.get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1]"));

        assertThat(b.post("/subjects/payments-value/versions", schemaBody(ORDER_V1)).json().get("id").asInt())
                .as("b reuses the id a gave the schema").isEqualTo(1);
        assertThat(b.post("/subjects/orders-value/versions", schemaBody(ORDER_V2_WITH_DEFAULT)).json().get("id").asInt())
                .isEqualTo(2);
        b.put("/config", "{\"compatibility\":\"FULL\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(a.get("/subjects").json().toString()).isEqualTo("[\"orders-value\",\"payments-value\"]");
            assertThat(a.get("/subjects/orders-value/versions/latest").json().get("id").asInt()).isEqualTo(2);
            assertThat(a.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        });
    }

    @Test
    void shouldStoreInACompactedSinglePartitionTopicInConfluentsLayout(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("_schemas");
        RegistryHttp http = new RegistryHttp(start(stack, topic).url());
        http.post("/subjects/s/versions", schemaBody("\"string\""));
        http.put("/config/s", "{\"compatibility\":\"NONE\"}");
        http.delete("/subjects/s");
        http.delete("/subjects/s?permanent=true");

        try (Admin admin = Admin.create(stack.clientConfig())) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(readAll(stack, topic)).containsExactly(
                List.of("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\","
                                + "\"deleted\":false}"),
                List.of("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}"),
                List.of("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}", "{\"subject\":\"s\",\"version\":1}"),
                List.of("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}", "null"));
    }

    private SchemaRegistryServer start(KafkaStack stack, String topic) {
        SchemaRegistryServer server = SchemaRegistryServer.start(
                new SchemaRegistryConfig(stack.bootstrapServers(), "127.0.0.1", 0, topic));
        servers.add(server);
        return server;
    }

    private static void expectError(Response response, int status, int errorCode) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(V1_JSON);
        assertThat(response.json().get("error_code").asInt()).as(response.body()).isEqualTo(errorCode);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    /** Every record of the topic as [key, value] ("null" for a tombstone). */
    private static List<List<String>> readAll(KafkaStack stack, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            List<List<String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(List.of(record.key(), String.valueOf(record.value())));
                }
                return consumer.position(partition) >= end;
            });
            return records;
        }
    }
}
