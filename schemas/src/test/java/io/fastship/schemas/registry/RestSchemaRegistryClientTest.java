package io.fastship.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Ping").namespace("io.fastship.test")
            .fields().requiredString("id").endRecord();
    private static final String SCHEMA_JSON = SCHEMA.toString().replace("\"", "\\\"");

    private final CannedRegistryServer server = new CannedRegistryServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private RestSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.putIfAbsent("schema.registry.url", server.url());
        return new RestSchemaRegistryClient(SchemaRegistryConfig.from(configs));
    }

    private RestSchemaRegistryClient client() {
        return client(Map.of());
    }

    @Test
    void registerAcceptsTheOldIdOnlyBody() {
        server.answer("POST", "/subjects/orders-value/versions", 200, "{\"id\":7}");

        assertThat(client().register("orders-value", SCHEMA, false)).isEqualTo(7);

        CannedRegistryServer.Received request = server.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).contains("application/vnd.schemaregistry.v1+json")
                .contains("application/json");
        assertThat(request.body()).isEqualTo("{\"schema\":\"" + SCHEMA_JSON + "\"}");
    }

    @Test
    void registerAcceptsTheNewerRicherBody() {
        server.answer("POST", "/subjects/orders-value/versions?normalize=true", 200,
                "{\"id\":12,\"version\":3,\"schemaType\":\"AVRO\",\"schema\":\"" + SCHEMA_JSON + "\",\"guid\":\"x\"}");

        assertThat(client().register("orders-value", SCHEMA, true)).isEqualTo(12);
    }

    @Test
    void subjectsArePercentEncodedAsOnePathSegment() {
        server.answer("GET", "/subjects/my%20topic%2Fa%2Bb-value/versions", 200, "[1,2]");

        assertThat(client().getVersions("my topic/a+b-value")).containsExactly(1, 2);
    }

    @Test
    void lookupReturnsSubjectVersionIdAndSchema() {
        server.answer("POST", "/subjects/orders-value", 200,
                "{\"subject\":\"orders-value\",\"version\":2,\"id\":5,\"schema\":\"" + SCHEMA_JSON + "\"}");

        RegisteredSchema found = client().lookup("orders-value", SCHEMA, false);

        assertThat(found).isEqualTo(new RegisteredSchema("orders-value", 2, 5, SCHEMA));
    }

    @Test
    void schemaByIdAcceptsMissingOrAvroSchemaType() {
        server.answer("GET", "/schemas/ids/3", 200, "{\"schema\":\"" + SCHEMA_JSON + "\"}");
        server.answer("GET", "/schemas/ids/4", 200, "{\"schema\":\"" + SCHEMA_JSON + "\",\"schemaType\":\"AVRO\"}");

        assertThat(client().getSchemaById(3)).isEqualTo(SCHEMA);
        assertThat(client().getSchemaById(4)).isEqualTo(SCHEMA);
    }

    @Test
    void schemaByIdRefusesOtherSchemaTypesClearly() {
        server.answer("GET", "/schemas/ids/9", 200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");

        assertThatThrownBy(() -> client().getSchemaById(9)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("PROTOBUF").hasMessageContaining("only AVRO");
    }

    @Test
    void latestAndNumberedVersions() {
        String body = "{\"subject\":\"s\",\"version\":%d,\"id\":%d,\"schema\":\"" + SCHEMA_JSON + "\"}";
        server.answer("GET", "/subjects/s/versions/latest", 200, String.format(body, 4, 40));
        server.answer("GET", "/subjects/s/versions/2", 200, String.format(body, 2, 20));

        assertThat(client().getLatestVersion("s").id()).isEqualTo(40);
        assertThat(client().getVersion("s", 2)).extracting(RegisteredSchema::version, RegisteredSchema::id)
                .containsExactly(2, 20);
    }

    @Test
    void subjectsCompatibilityDeleteAndConfig() {
        server.answer("GET", "/subjects", 200, "[\"a-value\",\"b-key\"]")
                .answer("POST", "/compatibility/subjects/s/versions/latest?verbose=true", 200,
                        "{\"is_compatible\":false,\"messages\":[\"reader field x has no default\"]}")
                .answer("POST", "/compatibility/subjects/s/versions/1", 200, "{\"is_compatible\":true}")
                .answer("DELETE", "/subjects/s?permanent=true", 200, "[1,2]")
                .answer("GET", "/config", 200, "{\"compatibilityLevel\":\"BACKWARD\"}")
                .answer("GET", "/config/s?defaultToGlobal=true", 200, "{\"compatibilityLevel\":\"FULL\"}")
                .answer("PUT", "/config/s", 200, "{\"compatibility\":\"NONE\"}");
        RestSchemaRegistryClient client = client();

        assertThat(client.getSubjects()).containsExactly("a-value", "b-key");
        assertThat(client.testCompatibility("s", "latest", SCHEMA, true))
                .isEqualTo(new CompatibilityResult(false, java.util.List.of("reader field x has no default")));
        assertThat(client.testCompatibility("s", "1", SCHEMA, false).compatible()).isTrue();
        assertThat(client.deleteSubject("s", true)).containsExactly(1, 2);
        assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
        assertThat(client.getCompatibility("s")).isEqualTo("FULL");
        assertThat(client.updateCompatibility("s", "none")).isEqualTo("NONE");
        assertThat(server.last().body()).isEqualTo("{\"compatibility\":\"NONE\"}");
    }

    @Test
    void unauthorizedIsAnAuthenticationErrorNotNotFound() {
        server.answer("GET", "/schemas/ids/1", 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

        assertThatThrownBy(() -> client().getSchemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isNotFound()).isFalse();
                })
                .hasMessageContaining("authentication failed").hasMessageContaining("Unauthorized");
    }

    @Test
    void forbiddenIsAnAuthorizationError() {
        server.answer("POST", "/subjects/s/versions", 403, "{\"error_code\":40301,\"message\":\"User cannot access\"}");

        assertThatThrownBy(() -> client().register("s", SCHEMA, false))
                .isInstanceOfSatisfying(SchemaRegistryAuthorizationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40301))
                .hasMessageContaining("User cannot access");
    }

    @Test
    void schemaNotFoundCarriesStatusAndErrorCode() {
        server.answer("GET", "/schemas/ids/99", 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");

        assertThatThrownBy(() -> client().getSchemaById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                    assertThat(e.isSchemaNotFound()).isTrue();
                    assertThat(e.isSubjectNotFound()).isFalse();
                })
                .hasMessageContaining("Schema 99 not found");
    }

    @Test
    void subjectNotFoundOnLookup() {
        server.answer("POST", "/subjects/nope", 404, "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");

        assertThatThrownBy(() -> client().lookup("nope", SCHEMA, false))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSubjectNotFound()).isTrue());
    }

    @Test
    void incompatibleIsRecognisedWithCurrentErrorCode() {
        server.answer("POST", "/subjects/s/versions", 409,
                "{\"error_code\":40901,\"message\":\"Schema being registered is incompatible\"}");

        assertThatThrownBy(() -> client().register("s", SCHEMA, false))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(40901);
                    assertThat(e.isIncompatible()).isTrue();
                })
                .hasMessageContaining("incompatible");
    }

    @Test
    void incompatibleIsRecognisedWithLegacyErrorCode() {
        server.answer("POST", "/subjects/s/versions", 409, "{\"error_code\":409,\"message\":\"Incompatible schema\"}");

        assertThatThrownBy(() -> client().register("s", SCHEMA, false))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(409));
    }

    @Test
    void invalidSchemaIsAPlainRegistryError() {
        server.answer("POST", "/subjects/s/versions", 422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

        assertThatThrownBy(() -> client().register("s", SCHEMA, false))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(42201));
    }

    @Test
    void nonJsonErrorBodyBecomesTheMessage() {
        server.answer("GET", "/subjects", 502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> client().getSubjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_ERROR_CODE);
                })
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void failsOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
        server.answer("GET", "/subjects", 200, "[\"x\"]");
        String dead = "http://127.0.0.1:" + freePort();

        RestSchemaRegistryClient client = client(Map.of("schema.registry.url", dead + "," + server.url()));

        assertThat(client.getSubjects()).containsExactly("x");
        assertThat(client.getSubjects()).containsExactly("x");
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void allUrlsUnreachableIsAnUnavailableError() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> client(Map.of("schema.registry.url", dead)).getSubjects())
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("No schema registry reachable");
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        server.answer("GET", "/subjects", 200, "[]");

        client(Map.of("basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "fred:s3cr:et")).getSubjects();

        assertThat(server.last().header("Authorization"))
                .isEqualTo("Basic " + base64("fred:s3cr:et"));
    }

    @Test
    void sendsBasicAuthFromCredentialsInTheUrl() {
        server.answer("GET", "/subjects", 200, "[]");
        String withCredentials = server.url().replace("http://", "http://ann:p%40ss@");

        client(Map.of("schema.registry.url", withCredentials, "basic.auth.credentials.source", "URL")).getSubjects();

        assertThat(server.last().header("Authorization")).isEqualTo("Basic " + base64("ann:p@ss"));
    }

    @Test
    void sendsNoAuthorizationWithoutCredentials() {
        server.answer("GET", "/subjects", 200, "[]");

        client().getSubjects();

        assertThat(server.last().header("Authorization")).isNull();
    }

    @Test
    void respectsABasePathInTheUrl() {
        server.answer("GET", "/apis/ccompat/v7/subjects", 200, "[\"y\"]");

        assertThat(client(Map.of("schema.registry.url", server.url() + "/apis/ccompat/v7/")).getSubjects())
                .containsExactly("y");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
