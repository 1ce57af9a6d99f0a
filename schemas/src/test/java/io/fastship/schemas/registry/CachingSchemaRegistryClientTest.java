package io.fastship.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("Order").namespace("t").fields()
            .requiredString("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Order").namespace("t").fields()
            .requiredString("id").optionalString("note").endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AtomicLong nanos = new AtomicLong();
    private final CachingSchemaRegistryClient cached =
            new CachingSchemaRegistryClient(registry, Duration.ofSeconds(10), nanos::get);

    @Test
    void registersOncePerSchemaAndSubject() {
        int first = cached.register("o-value", V1, false);
        int second = cached.register("o-value", V1, false);

        assertThat(second).isEqualTo(first);
        assertThat(registry.calls("register")).isEqualTo(1);
    }

    @Test
    void sameSchemaInAnotherSubjectIsRegisteredThereToo() {
        cached.register("a-value", V1, false);
        cached.register("b-value", V1, false);

        assertThat(registry.calls("register")).isEqualTo(2);
    }

    @Test
    void registeringTeachesTheIdToSchemaCache() {
        int id = cached.register("o-value", V1, false);

        assertThat(cached.getSchemaById(id)).isEqualTo(V1);
        assertThat(registry.calls("getSchemaById")).isZero();
    }

    @Test
    void schemaByIdIsFetchedOnce() {
        int id = registry.preRegister("o-value", V1);

        cached.getSchemaById(id);
        cached.getSchemaById(id);

        assertThat(registry.calls("getSchemaById")).isEqualTo(1);
    }

    @Test
    void lookupIsFetchedOnceAndTeachesTheSchemaById() {
        int id = registry.preRegister("o-value", V1);

        assertThat(cached.lookup("o-value", V1, false).id()).isEqualTo(id);
        assertThat(cached.lookup("o-value", V1, false).id()).isEqualTo(id);
        cached.getSchemaById(id);

        assertThat(registry.calls("lookup")).isEqualTo(1);
        assertThat(registry.calls("getSchemaById")).isZero();
    }

    @Test
    void failuresAreNotCached() {
        assertThatThrownBy(() -> cached.getSchemaById(5)).isInstanceOf(SchemaRegistryException.class);
        assertThatThrownBy(() -> cached.getSchemaById(5)).isInstanceOf(SchemaRegistryException.class);

        assertThat(registry.calls("getSchemaById")).isEqualTo(2);
    }

    @Test
    void latestVersionIsReusedWithinTheTtlAndRefetchedAfter() {
        registry.preRegister("o-value", V1);

        cached.getLatestVersion("o-value");
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        cached.getLatestVersion("o-value");
        assertThat(registry.calls("getLatestVersion")).isEqualTo(1);

        registry.preRegister("o-value", V2);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cached.getLatestVersion("o-value").schema()).isEqualTo(V2);
        assertThat(registry.calls("getLatestVersion")).isEqualTo(2);
    }

    @Test
    void registeringInvalidatesTheCachedLatestVersion() {
        registry.preRegister("o-value", V1);
        cached.getLatestVersion("o-value");

        cached.register("o-value", V2, false);

        assertThat(cached.getLatestVersion("o-value").schema()).isEqualTo(V2);
        assertThat(registry.calls("getLatestVersion")).isEqualTo(2);
    }

    @Test
    void zeroTtlNeverCachesLatest() {
        CachingSchemaRegistryClient uncachedLatest = new CachingSchemaRegistryClient(registry, Duration.ZERO, nanos::get);
        registry.preRegister("o-value", V1);

        uncachedLatest.getLatestVersion("o-value");
        uncachedLatest.getLatestVersion("o-value");

        assertThat(registry.calls("getLatestVersion")).isEqualTo(2);
    }

    @Test
    void numberedVersionsAreCachedAndDeletionForgetsTheSubject() {
        registry.preRegister("o-value", V1);
        cached.getVersion("o-value", 1);
        cached.getVersion("o-value", 1);
        cached.register("o-value", V1, false);
        assertThat(registry.calls("getVersion")).isEqualTo(1);

        cached.deleteSubject("o-value", false);
        cached.register("o-value", V1, false);

        assertThat(registry.calls("register")).isEqualTo(2);
    }

    @Test
    void closeClosesTheDelegate() {
        cached.close();

        assertThat(registry.isClosed()).isTrue();
    }
}
