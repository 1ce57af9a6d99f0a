package io.fastship.schemas.serde;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets Avro load the generated classes a reader schema needs.
 *
 * <p>Avro 1.12 refuses to load any class named by a schema unless it is on a trust list (its guard against
 * schemas naming arbitrary classes), which would also block our own generated records. This adds to the
 * JVM-wide list exactly the classes that a specific reader needs and that really are Avro generated types
 * (records, enums, fixed), keeping whatever policy was already installed for everything else.
 */
final class GeneratedClassTrust {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedClassTrust.class);
    private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();
    private static volatile boolean installed;

    private GeneratedClassTrust() {
    }

    /** The generated class for a named schema, if one is on the classpath; loaded without initialising. */
    static Optional<Class<?>> generatedClassFor(Schema schema) {
        String name = SpecificData.getClassName(schema);
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(name, false, classLoader());
            return isGenerated(type, schema.getType()) ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Trusts the generated classes for every named type reachable from the reader schema. */
    static void trustClassesOf(Schema readerSchema) {
        Set<String> found = new HashSet<>();
        collect(readerSchema, new HashSet<>(), found);
        if (found.isEmpty() || TRUSTED.containsAll(found)) {
            return;
        }
        TRUSTED.addAll(found);
        install();
        LOG.debug("Trusting Avro generated classes {}", found);
    }

    private static void collect(Schema schema, Set<String> visited, Set<String> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!visited.add(schema.getFullName())) {
                    return;
                }
                generatedClassFor(schema).ifPresent(type -> found.add(type.getName()));
                schema.getFields().forEach(field -> collect(field.schema(), visited, found));
            }
            case ENUM, FIXED -> generatedClassFor(schema).ifPresent(type -> found.add(type.getName()));
            case ARRAY -> collect(schema.getElementType(), visited, found);
            case MAP -> collect(schema.getValueType(), visited, found);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, visited, found));
            default -> {
                // Primitives name no class.
            }
        }
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> TRUSTED.contains(type.getName())));
        installed = true;
    }

    private static boolean isGenerated(Class<?> type, Schema.Type schemaType) {
        return switch (schemaType) {
            case RECORD -> SpecificRecord.class.isAssignableFrom(type);
            case ENUM -> type.isEnum();
            case FIXED -> GenericFixed.class.isAssignableFrom(type);
            default -> false;
        };
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : GeneratedClassTrust.class.getClassLoader();
    }
}
