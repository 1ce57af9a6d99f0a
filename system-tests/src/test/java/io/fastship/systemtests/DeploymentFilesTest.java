package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Kubernetes manifests cannot run here (no Docker engine), so their syntax and
 * wiring are checked: they parse, every reference points at something that exists, scaling is possible.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode compose = read(ROOT.resolve("docker-compose.yml"));
    private final JsonNode services = compose.path("services");

    @Test
    void composeRunsTheBrokerRegistryTopicInitServicesAndUi() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);

        assertThat(names).contains("kafka", "schema-registry", "topic-init", "order-service", "payment-consumer",
                "inventory-consumer", "kafka-ui");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
    }

    @Test
    void servicesExportTracesToJaegerAndPrometheusScrapesThemWithAlertRules() throws IOException {
        assertThat(services.path("jaeger").path("image").asText()).startsWith("jaegertracing/all-in-one:");
        assertThat(services.path("jaeger").path("environment").path("COLLECTOR_OTLP_ENABLED").asText()).isEqualTo("true");
        for (String name : List.of("order-service", "payment-consumer", "inventory-consumer")) {
            JsonNode environment = services.path(name).path("environment");
            assertThat(environment.path("OTEL_EXPORTER_OTLP_ENDPOINT").asText()).as(name).isEqualTo("http://jaeger:4317");
            assertThat(environment.path("OTEL_SERVICE_NAME").asText()).as(name).endsWith("-service");
        }
        JsonNode scrape = read(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(scrape.path("rule_files").toString()).contains("alerts.yml");
        assertThat(scrape.path("scrape_configs").findValuesAsText("job_name"))
                .containsExactlyInAnyOrder("order-service", "payment-service", "inventory-service");
        JsonNode rules = read(ROOT.resolve("deploy/prometheus/alerts.yml"));
        List<String> exprs = rules.path("groups").findValuesAsText("expr");
        assertThat(rules.path("groups").findValuesAsText("alert")).hasSameSizeAs(exprs).isNotEmpty();
        assertThat(String.join("\n", exprs)).contains("kafka_consumer_fetch_manager_records_lag")
                .contains("fastship_dead_letters_total");
    }

    @Test
    void everyDependencyIsAServiceOfTheFile() {
        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fieldNames()
                .forEachRemaining(dependency -> assertThat(services.has(dependency))
                        .as("%s depends on %s", service.getKey(), dependency).isTrue()));
    }

    @Test
    void ourServicesAreBuiltFromDockerfilesThatExistAndHaveHealthchecks() {
        for (String name : List.of("order-service", "payment-consumer", "inventory-consumer")) {
            JsonNode service = services.path(name);
            Path dockerfile = ROOT.resolve(service.path("build").path("dockerfile").asText());
            assertThat(dockerfile).as(name).isRegularFile();
            assertThat(service.path("healthcheck").path("test").toString()).as(name).contains("/health");
            assertThat(service.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).as(name).isEqualTo("kafka:19092");
            assertThat(service.path("environment").path("HTTP_HOST").asText()).as(name).isEqualTo("0.0.0.0");
        }
    }

    @Test
    void theServiceImageIsMultiStageAndRunsAsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));

        assertThat(dockerfile.lines().filter(line -> line.startsWith("FROM "))).hasSize(2);
        assertThat(dockerfile).contains("USER 10001").contains("HEALTHCHECK").contains("exec java");
    }

    @Test
    void eachServiceImageIsBuiltForItsOwnModuleMainClassAndPort() {
        Map<String, List<String>> expected = Map.of(
                "order-service", List.of("order-producer", "io.fastship.order.OrderServiceMain", "8080"),
                "payment-consumer", List.of("payment-consumer", "io.fastship.payment.PaymentServiceMain", "8082"),
                "inventory-consumer", List.of("inventory-consumer", "io.fastship.inventory.InventoryServiceMain", "8083"));
        expected.forEach((name, args) -> {
            JsonNode buildArgs = services.path(name).path("build").path("args");
            assertThat(ROOT.resolve(args.get(0)).resolve("pom.xml")).as(name).isRegularFile();
            assertThat(List.of(buildArgs.path("MODULE").asText(), buildArgs.path("MAIN_CLASS").asText(),
                    buildArgs.path("PORT").asText())).as(name).isEqualTo(args);
            assertThat(services.path(name).path("environment").path("HTTP_PORT").asText()).as(name).isEqualTo(args.get(2));
        });
    }

    @Test
    void composeStartsTheOrderServiceAuthenticatedUnlessAuthIsExplicitlyOff() {
        JsonNode environment = services.path("order-service").path("environment");

        assertThat(environment.path("ORDER_AUTH").asText()).isEqualTo("${ORDER_AUTH:-keys}");
        assertThat(environment.path("ORDER_API_KEYS").asText()).startsWith("${ORDER_API_KEYS");
        assertThat(environment.path("ORDER_ID_SECRET").asText()).startsWith("${ORDER_ID_SECRET");
        assertThat(environment.toString()).doesNotContain("none");
    }

    @Test
    void kubernetesStartsTheOrderServiceOnlyWithItsAuthSecret() throws IOException {
        JsonNode deployment;
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(ROOT.resolve("deploy/k8s/order-service.yaml").toFile())) {
            deployment = documents.readAll().stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                    .findFirst().orElseThrow();
        }
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);

        assertThat(container.path("envFrom").findValues("secretRef")).singleElement().satisfies(secret -> {
            assertThat(secret.path("name").asText()).isEqualTo("order-service-auth");
            assertThat(secret.path("optional").asBoolean(false)).isFalse();
        });
        assertThat(container.toString()).doesNotContain("ORDER_AUTH");
    }

    @Test
    void paymentConsumersPublishNoFixedHostPortSoTheyCanBeScaled() {
        assertThat(services.path("payment-consumer").has("ports")).isFalse();
        assertThat(services.path("payment-consumer").has("container_name")).isFalse();
    }

    @Test
    void topicInitCreatesEveryTopicWithTheConfiguredPartitions() {
        String script = services.path("topic-init").path("command").toString();

        assertThat(script).contains("--partitions \\\"$$PARTITIONS\\\"");
        for (String topic : List.of("orders", "payments", "inventory", "order-status", "stock", "catalog",
                "payment-service.dlq",
                "inventory-service.dlq")) {
            assertThat(script).contains("create " + topic + " ");
        }
    }

    @Test
    void kubernetesDeploymentsProbeHealthAndSetResources() throws IOException {
        List<JsonNode> deployments = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    documents.readAll().stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                            .forEach(deployments::add);
                }
            }
        }

        assertThat(deployments).hasSize(3);
        for (JsonNode deployment : deployments) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String name = deployment.path("metadata").path("name").asText();
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/health");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(name).startsWith("/health");
            assertThat(container.path("resources").path("requests").has("memory")).as(name).isTrue();
        }
        assertThat(Files.readString(ROOT.resolve("deploy/k8s/payment-consumer.yaml")))
                .contains("beyond the partition count");
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}
