package io.fastship.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Decides whether a candidate schema may follow a subject's existing versions under a compatibility level. */
final class CompatibilityChecker {

    /**
     * Returns why the candidate is incompatible, or an empty list when it is compatible.
     *
     * @param existing the subject's live versions in ascending order; non-transitive levels look only at the last
     */
    public List<String> check(CompatibilityLevel level, Schema candidate, List<SchemaVersion> existing) {
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return List.of();
        }
        List<SchemaVersion> against = level.transitive() ? existing : existing.subList(existing.size() - 1, existing.size());
        List<String> problems = new ArrayList<>();
        for (SchemaVersion old : against) {
            Schema oldSchema = new Schema.Parser().parse(old.schema());
            if (level.backward()) {
                describe(problems, "BACKWARD", old.version(), "the new schema cannot read data written with",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, oldSchema));
            }
            if (level.forward()) {
                describe(problems, "FORWARD", old.version(), "data written with the new schema cannot be read by",
                        SchemaCompatibility.checkReaderWriterCompatibility(oldSchema, candidate));
            }
        }
        return problems;
    }

    private static void describe(List<String> problems, String direction, int oldVersion, String what,
                                 SchemaPairCompatibility result) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        List<Incompatibility> incompatibilities = result.getResult().getIncompatibilities();
        if (incompatibilities.isEmpty()) {
            problems.add(String.format("%s: %s version %d: %s", direction, what, oldVersion, result.getDescription()));
            return;
        }
        for (Incompatibility incompatibility : incompatibilities) {
            problems.add(String.format("%s: %s version %d: %s at '%s': %s", direction, what, oldVersion,
                    incompatibility.getType(), incompatibility.getLocation(), incompatibility.getMessage()));
        }
    }
}
