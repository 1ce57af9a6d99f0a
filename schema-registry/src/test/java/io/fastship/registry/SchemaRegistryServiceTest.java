package io.fastship.registry;

import static io.fastship.registry.TestSchemas.ORDER_ID_AS_INT;
import static io.fastship.registry.TestSchemas.ORDER_V1;
import static io.fastship.registry.TestSchemas.ORDER_V1_RESPELLED;
import static io.fastship.registry.TestSchemas.ORDER_V2_REQUIRED_FIELD;
import static io.fastship.registry.TestSchemas.ORDER_V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SchemaRegistryServiceTest {

    private final LogCodec codec = new LogCodec();
    private final RegistryState state = new RegistryState();
    private final InMemorySchemaLog log = new InMemorySchemaLog(codec, state);
    private final SchemaRegistryService service = new SchemaRegistryService(state, log, codec,
            new CompatibilityChecker(), new AvroSchemaParser(), Duration.ofSeconds(5));

    @Test
    void shouldStoreTheCanonicalTextAndGiveIdsFromOne() {
        SchemaVersion first = service.register("orders-value", SchemaRequest.avro(ORDER_V1_RESPELLED));

        assertThat(first.id()).isEqualTo(1);
        assertThat(first.version()).isEqualTo(1);
        assertThat(service.schemaById(1)).isEqualTo(TestSchemas.canonical(ORDER_V1));
        assertThat(log.records).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(codec.schemaKey("orders-value", 1)));
    }

    @Test
    void shouldReturnTheExistingIdForTheSameSchemaInTheSameSubjectWithoutWriting() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.setLevel("orders-value", CompatibilityLevel.FULL);
        int written = log.records.size();

        SchemaVersion again = service.register("orders-value", SchemaRequest.avro(ORDER_V1_RESPELLED));

        assertThat(again.id()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(1);
        assertThat(log.records).hasSize(written);
    }

    @Test
    void shouldReuseTheGlobalIdInAnotherSubjectWithItsOwnVersion() {
        service.register("a-value", SchemaRequest.avro("\"string\""));
        service.register("orders-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT));

        SchemaVersion inB = service.register("b-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT));

        assertThat(inB.id()).isEqualTo(2);
        assertThat(inB.version()).isEqualTo(1);
        assertThat(service.usagesOf(2, false)).extracting(SchemaVersion::subject).containsExactly("b-value", "orders-value");
    }

    @Test
    void shouldRefuseABackwardIncompatibleChangeByDefault() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));

        expectError(() -> service.register("orders-value", SchemaRequest.avro(ORDER_V2_REQUIRED_FIELD)), 409, 40901);
        assertThat(service.register("orders-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT)).version()).isEqualTo(2);
    }

    @Test
    void shouldHonourASubjectLevelOverride() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.register("other-value", SchemaRequest.avro(ORDER_V1));
        service.setLevel("orders-value", CompatibilityLevel.NONE);

        assertThat(service.register("orders-value", SchemaRequest.avro(ORDER_ID_AS_INT)).version()).isEqualTo(2);
        expectError(() -> service.register("other-value", SchemaRequest.avro(ORDER_ID_AS_INT)), 409, 40901);
    }

    @Test
    void shouldRejectOtherSchemaTypesReferencesAndBrokenSchemas() {
        expectError(() -> service.register("s", new SchemaRequest("syntax = \"proto3\";", "PROTOBUF", null)), 422, 42201);
        expectError(() -> service.register("s", new SchemaRequest(ORDER_V1, "AVRO", List.of("ref"))), 422, 42201);
        expectError(() -> service.register("s", SchemaRequest.avro("{\"type\":\"recrod\"}")), 422, 42201);
        expectError(() -> service.register("s", SchemaRequest.avro(null)), 422, 42201);
        assertThat(service.register("s", new SchemaRequest(ORDER_V1, "avro", List.of())).id()).isEqualTo(1);
    }

    @Test
    void shouldLookUpTheVersionHoldingASchema() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.register("orders-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT));

        SchemaVersion found = service.lookup("orders-value", SchemaRequest.avro(ORDER_V1_RESPELLED), false);

        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(1);
        expectError(() -> service.lookup("orders-value", SchemaRequest.avro(ORDER_ID_AS_INT), false), 404, 40403);
        expectError(() -> service.lookup("nobody", SchemaRequest.avro(ORDER_V1), false), 404, 40401);
    }

    @Test
    void shouldServeVersionsAndLatest() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.register("orders-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT));

        assertThat(service.versions("orders-value", false)).containsExactly(1, 2);
        assertThat(service.version("orders-value", VersionId.parse("latest"), false).version()).isEqualTo(2);
        assertThat(service.version("orders-value", VersionId.parse("1"), false).id()).isEqualTo(1);
        expectError(() -> service.version("orders-value", VersionId.parse("3"), false), 404, 40402);
        expectError(() -> service.version("nobody", VersionId.parse("1"), false), 404, 40401);
        expectError(() -> service.versions("nobody", false), 404, 40401);
        expectError(() -> service.schemaById(99), 404, 40403);
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDelete() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.register("orders-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT));

        expectError(() -> service.deleteSubject("orders-value", true), 404, 40405);
        assertThat(service.deleteSubject("orders-value", false)).containsExactly(1, 2);
        expectError(() -> service.deleteSubject("orders-value", false), 404, 40404);
        assertThat(service.subjects(false)).isEmpty();
        assertThat(service.subjects(true)).containsExactly("orders-value");
        expectError(() -> service.versions("orders-value", false), 404, 40401);
        assertThat(service.versions("orders-value", true)).containsExactly(1, 2);
        assertThat(service.schemaById(1)).as("soft-deleted schemas stay readable by id").isNotBlank();

        assertThat(service.deleteSubject("orders-value", true)).containsExactly(1, 2);
        assertThat(service.subjects(true)).isEmpty();
        expectError(() -> service.deleteSubject("orders-value", true), 404, 40401);
        expectError(() -> service.schemaById(1), 404, 40403);
    }

    @Test
    void shouldCountVersionsOnAfterASoftDeleteAndSkipTheCompatibilityCheckAgainstDeletedOnes() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.deleteSubject("orders-value", false);

        SchemaVersion reborn = service.register("orders-value", SchemaRequest.avro(ORDER_ID_AS_INT));
        service.deleteSubject("orders-value", false);
        SchemaVersion original = service.register("orders-value", SchemaRequest.avro(ORDER_V1));

        assertThat(reborn.version()).isEqualTo(2);
        assertThat(reborn.id()).isEqualTo(2);
        assertThat(original.version()).as("the same schema again, since its old version is deleted").isEqualTo(3);
        assertThat(original.id()).as("the global id survives the soft delete").isEqualTo(1);
    }

    @Test
    void shouldNeverHandOutAPermanentlyDeletedIdAgain() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.deleteSubject("orders-value", false);
        service.deleteSubject("orders-value", true);

        assertThat(service.register("orders-value", SchemaRequest.avro(ORDER_ID_AS_INT)).id()).isEqualTo(2);
    }

    @Test
    void shouldTestCompatibilityAgainstLatestOrAGivenVersion() {
        expectCompatible("nobody", "latest", ORDER_ID_AS_INT, true);
        expectError(() -> service.testCompatibility("nobody", VersionId.parse("1"), SchemaRequest.avro(ORDER_V1)), 404, 40401);

        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        expectCompatible("orders-value", "latest", ORDER_V2_WITH_DEFAULT, true);
        expectCompatible("orders-value", "LATEST", ORDER_V2_REQUIRED_FIELD, false);
        expectCompatible("orders-value", "1", ORDER_ID_AS_INT, false);
        expectError(() -> service.testCompatibility("orders-value", VersionId.parse("2"), SchemaRequest.avro(ORDER_V1)),
                404, 40402);
    }

    @Test
    void shouldKeepGlobalAndSubjectConfigApart() {
        assertThat(service.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        expectError(() -> service.subjectLevel("orders-value", false), 404, 40408);
        assertThat(service.subjectLevel("orders-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);

        service.setLevel(null, CompatibilityLevel.FORWARD);
        service.setLevel("orders-value", CompatibilityLevel.FULL);

        assertThat(service.globalLevel()).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(service.subjectLevel("orders-value", false)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(service.subjectLevel("other-value", true)).isEqualTo(CompatibilityLevel.FORWARD);
    }

    @Test
    void shouldRebuildTheSameAnswersFromTheLogAlone() {
        service.register("orders-value", SchemaRequest.avro(ORDER_V1));
        service.register("orders-value", SchemaRequest.avro(ORDER_V2_WITH_DEFAULT));
        service.register("b-value", SchemaRequest.avro(ORDER_V1));
        service.deleteSubject("b-value", false);
        service.setLevel("orders-value", CompatibilityLevel.FULL);

        RegistryState replayed = log.replay();

        assertThat(replayed.subjects(true)).isEqualTo(state.subjects(true));
        assertThat(replayed.versions("b-value", true)).isEqualTo(state.versions("b-value", true));
        assertThat(replayed.versions("orders-value", true)).isEqualTo(state.versions("orders-value", true));
        assertThat(replayed.effectiveLevel("orders-value")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(replayed.nextId()).isEqualTo(state.nextId());
    }

    private void expectCompatible(String subject, String version, String schema, boolean compatible) {
        List<String> problems = service.testCompatibility(subject, VersionId.parse(version), SchemaRequest.avro(schema));
        assertThat(problems.isEmpty()).as("%s against %s v%s: %s", schema, subject, version, problems).isEqualTo(compatible);
    }

    private static void expectError(ThrowingCallable call, int status, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.httpStatus()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
        });
    }
}
