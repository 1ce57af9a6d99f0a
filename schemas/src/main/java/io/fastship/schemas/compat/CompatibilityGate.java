package io.fastship.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks a schema against its released versions the way a registry at BACKWARD_TRANSITIVE would: the
 * candidate, as reader, must read data written with every earlier version. Uses Avro's own checker.
 */
public final class CompatibilityGate {

    private CompatibilityGate() {
    }

    /** The incompatibilities found, one readable line each; empty when the candidate may be released. */
    public static List<String> backwardProblems(Schema candidate, Map<Integer, Schema> releasedByVersion) {
        List<String> problems = new ArrayList<>();
        releasedByVersion.forEach((version, released) -> {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, released).getResult();
            if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
                for (Incompatibility incompatibility : result.getIncompatibilities()) {
                    problems.add(candidate.getFullName() + " cannot read v" + version + ": "
                            + incompatibility.getType() + " at " + incompatibility.getLocation() + " ("
                            + incompatibility.getMessage() + ")");
                }
            }
        });
        return problems;
    }
}
