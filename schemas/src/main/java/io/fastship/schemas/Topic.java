package io.fastship.schemas;

import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificData;

/**
 * One Kafka topic of the system: its name, the Avro type of its values and how it is created.
 * Keys are plain UTF-8 strings (the orderId, or the SKU for stock), readable by every Kafka tool.
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType, String keyDescription,
                                              TopicSettings settings) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(keyDescription, "keyDescription");
        Objects.requireNonNull(settings, "settings");
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("not a legal Kafka topic name: '" + name + "'");
        }
    }

    /** The Avro schema of the values, as generated from the {@code .avsc}. */
    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueType);
    }

    /** Subject of the value schema under the default TopicNameStrategy. */
    public String valueSubject() {
        return name + "-value";
    }

    /**
     * This topic inside a namespace ({@code TOPIC_NAMESPACE}): {@code staging.orders} for namespace
     * {@code staging}. Lets several environments, or several tests, share one cluster. Blank means none.
     */
    public Topic<V> inNamespace(String namespace) {
        String named = Topics.inNamespace(namespace, name);
        return named.equals(name) ? this : new Topic<>(named, valueType, keyDescription, settings);
    }

    public Topic<V> withSettings(TopicSettings newSettings) {
        return new Topic<>(name, valueType, keyDescription, newSettings);
    }
}
