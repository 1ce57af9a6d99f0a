package io.fastship.schemas.serde;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Resolves a configured subject name strategy: Confluent class names, short names, ours, or any implementation. */
public final class SubjectNameStrategies {

    private static final Map<String, SubjectNameStrategy> KNOWN = Map.of(
            "topicnamestrategy", new TopicNameStrategy(),
            "recordnamestrategy", new RecordNameStrategy(),
            "topicrecordnamestrategy", new TopicRecordNameStrategy());

    private SubjectNameStrategies() {
    }

    /** The default, {@link TopicNameStrategy}. */
    public static SubjectNameStrategy defaultStrategy() {
        return KNOWN.get("topicnamestrategy");
    }

    /**
     * Accepts null (default), a {@link SubjectNameStrategy} instance or class, or a name: {@code TopicNameStrategy},
     * {@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, this package's class names, or the name of
     * any class implementing {@link SubjectNameStrategy}.
     */
    public static SubjectNameStrategy resolve(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            return defaultStrategy();
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        if (value instanceof Class<?> type) {
            return instantiate(key, type);
        }
        String name = value.toString().trim();
        String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean wellKnownPackage = name.indexOf('.') < 0 || name.startsWith("io.confluent.")
                || name.startsWith(SubjectNameStrategies.class.getPackageName() + ".");
        if (wellKnownPackage && KNOWN.containsKey(simple)) {
            return KNOWN.get(simple);
        }
        try {
            return instantiate(key, Class.forName(name, true, classLoader()));
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "Unknown subject name strategy; use TopicNameStrategy, "
                    + "RecordNameStrategy, TopicRecordNameStrategy or a class implementing "
                    + SubjectNameStrategy.class.getName());
        }
    }

    private static SubjectNameStrategy instantiate(String key, Class<?> type) {
        if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "Does not implement " + SubjectNameStrategy.class.getName());
        }
        try {
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, type.getName(), "Cannot instantiate: " + e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SubjectNameStrategies.class.getClassLoader();
    }
}
