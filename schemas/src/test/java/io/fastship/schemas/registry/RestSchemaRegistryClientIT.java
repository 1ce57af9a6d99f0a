package io.fastship.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The REST client against the real embedded registry. */
@WithKafkaStack
class RestSchemaRegistryClientIT {

    private static final Schema V1 = SchemaBuilder.record("Parcel").namespace("io.fastship.it").fields()
            .requiredString("id").endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Parcel").namespace("io.fastship.it").fields()
            .requiredString("id").name("weightGrams").type().intType().intDefault(0).endRecord();
    private static final Schema V2_REQUIRED = SchemaBuilder.record("Parcel").namespace("io.fastship.it").fields()
            .requiredString("id").requiredInt("weightGrams").endRecord();

    private static RestSchemaRegistryClient client(KafkaStack stack) {
        return new RestSchemaRegistryClient(SchemaRegistryConfig.forUrl(stack.schemaRegistryUrl()));
    }

    @Test
    void registersLooksUpAndFetches(KafkaStack stack) {
        String subject = stack.uniqueName("parcels") + "-value";
        try (RestSchemaRegistryClient client = client(stack)) {
            int id = client.register(subject, V1, false);
            assertThat(client.register(subject, V1, false)).isEqualTo(id);

            RegisteredSchema found = client.lookup(subject, V1, false);
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.version()).isEqualTo(1);
            assertThat(found.subject()).isEqualTo(subject);
            assertThat(client.getSchemaById(id)).isEqualTo(V1);

            int id2 = client.register(subject, V2_WITH_DEFAULT, false);
            assertThat(id2).isNotEqualTo(id);
            assertThat(client.getVersions(subject)).containsExactly(1, 2);
            assertThat(client.getLatestVersion(subject)).extracting(RegisteredSchema::version, RegisteredSchema::id)
                    .containsExactly(2, id2);
            assertThat(client.getVersion(subject, 1).schema()).isEqualTo(V1);
            assertThat(client.getSubjects()).contains(subject);
        }
    }

    @Test
    void sameSchemaInAnotherSubjectKeepsItsGlobalId(KafkaStack stack) {
        String first = stack.uniqueName("a") + "-value";
        String second = stack.uniqueName("b") + "-value";
        try (RestSchemaRegistryClient client = client(stack)) {
            assertThat(client.register(second, V1, false)).isEqualTo(client.register(first, V1, false));
        }
    }

    @Test
    void compatibilityChecksAndRefusals(KafkaStack stack) {
        String subject = stack.uniqueName("compat") + "-value";
        try (RestSchemaRegistryClient client = client(stack)) {
            client.register(subject, V1, false);

            assertThat(client.testCompatibility(subject, "latest", V2_WITH_DEFAULT, false).compatible()).isTrue();
            CompatibilityResult refused = client.testCompatibility(subject, "latest", V2_REQUIRED, true);
            assertThat(refused.compatible()).isFalse();
            assertThat(client.testCompatibility(subject, "1", V2_REQUIRED, false).compatible()).isFalse();

            assertThatThrownBy(() -> client.register(subject, V2_REQUIRED, false))
                    .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                            e -> assertThat(e.isIncompatible()).isTrue());

            assertThat(client.updateCompatibility(subject, "NONE")).isEqualTo("NONE");
            assertThat(client.getCompatibility(subject)).isEqualTo("NONE");
            assertThat(client.register(subject, V2_REQUIRED, false)).isPositive();
        }
    }

    @Test
    void notFoundErrorsCarryTheRegistryCodes(KafkaStack stack) {
        String subject = stack.uniqueName("missing") + "-value";
        try (RestSchemaRegistryClient client = client(stack)) {
            assertThatThrownBy(() -> client.getSchemaById(999_999))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    });
            assertThatThrownBy(() -> client.lookup(subject, V1, false))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.isSubjectNotFound()).isTrue());
            assertThatThrownBy(() -> client.getLatestVersion(subject))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.isSubjectNotFound()).isTrue());
        }
    }

    @Test
    void deletesSubjects(KafkaStack stack) {
        String subject = stack.uniqueName("doomed") + "-value";
        try (SchemaRegistryClient client = new CachingSchemaRegistryClient(client(stack), Duration.ofMinutes(1))) {
            client.register(subject, V1, false);

            assertThat(client.deleteSubject(subject, false)).containsExactly(1);
            assertThat(client.getSubjects()).doesNotContain(subject);
        }
    }
}
