package io.fastship.registry;

import static io.fastship.registry.TestSchemas.ORDER_ID_AS_INT;
import static io.fastship.registry.TestSchemas.ORDER_V1;
import static io.fastship.registry.TestSchemas.ORDER_V2_AMOUNT_DEFAULT;
import static io.fastship.registry.TestSchemas.ORDER_V2_REQUIRED_FIELD;
import static io.fastship.registry.TestSchemas.ORDER_V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityCheckerTest {

    private final CompatibilityChecker checker = new CompatibilityChecker();

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void shouldAcceptAFieldWithADefaultUnderEveryLevel(CompatibilityLevel level) {
        assertThat(checker.check(level, parse(ORDER_V2_WITH_DEFAULT), history(ORDER_V1))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"NONE,true", "BACKWARD,false", "BACKWARD_TRANSITIVE,false", "FORWARD,true",
            "FORWARD_TRANSITIVE,true", "FULL,false", "FULL_TRANSITIVE,false"})
    void shouldJudgeANewRequiredFieldByDirection(CompatibilityLevel level, boolean compatible) {
        List<String> problems = checker.check(level, parse(ORDER_V2_REQUIRED_FIELD), history(ORDER_V1));

        assertThat(problems.isEmpty()).isEqualTo(compatible);
    }

    @ParameterizedTest
    @CsvSource({"NONE,true", "BACKWARD,false", "FORWARD,false", "FULL,false", "FULL_TRANSITIVE,false"})
    void shouldJudgeAChangedFieldType(CompatibilityLevel level, boolean compatible) {
        assertThat(checker.check(level, parse(ORDER_ID_AS_INT), history(ORDER_V1)).isEmpty()).isEqualTo(compatible);
    }

    @Test
    void shouldCheckBackwardOnlyAgainstTheLatestButBackwardTransitiveAgainstAll() {
        // The candidate reads v2 (which has amount) but not v1 (which lacks it, and the candidate has no default).
        List<SchemaVersion> history = history(ORDER_V1, ORDER_V2_AMOUNT_DEFAULT);
        Schema candidate = parse(ORDER_V2_REQUIRED_FIELD);

        assertThat(checker.check(CompatibilityLevel.BACKWARD, candidate, history)).isEmpty();
        assertThat(checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, history))
                .singleElement().asString()
                .startsWith("BACKWARD")
                .contains("version 1")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("amount");
    }

    @Test
    void shouldCheckForwardOnlyAgainstTheLatestButForwardTransitiveAgainstAll() {
        // v1 requires amount, v2 defaults it: only v1 cannot read data from a candidate that dropped it.
        List<SchemaVersion> history = history(ORDER_V2_REQUIRED_FIELD, ORDER_V2_AMOUNT_DEFAULT);
        Schema candidate = parse(ORDER_V1);

        assertThat(checker.check(CompatibilityLevel.FORWARD, candidate, history)).isEmpty();
        assertThat(checker.check(CompatibilityLevel.FORWARD_TRANSITIVE, candidate, history))
                .singleElement().asString().startsWith("FORWARD").contains("version 1");
    }

    @Test
    void shouldReportBothDirectionsUnderFull() {
        List<String> problems = checker.check(CompatibilityLevel.FULL, parse(ORDER_ID_AS_INT), history(ORDER_V1));

        assertThat(problems).anyMatch(p -> p.startsWith("BACKWARD")).anyMatch(p -> p.startsWith("FORWARD"));
    }

    @Test
    void shouldAcceptAnythingAsTheFirstVersion() {
        assertThat(checker.check(CompatibilityLevel.FULL_TRANSITIVE, parse(ORDER_ID_AS_INT), List.of())).isEmpty();
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static List<SchemaVersion> history(String... schemas) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (int i = 0; i < schemas.length; i++) {
            versions.add(new SchemaVersion("orders-value", i + 1, i + 1, TestSchemas.canonical(schemas[i]), false));
        }
        return versions;
    }
}
