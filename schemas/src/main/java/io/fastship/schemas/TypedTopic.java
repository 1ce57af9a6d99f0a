package io.fastship.schemas;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic as one deployment uses it: its full name (namespace included), the serdes of its keys and values, and
 * how it is created. Services read and write through these and never build serdes themselves.
 */
public record TypedTopic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, TopicSettings settings) {

    public TypedTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(settings, "settings");
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("not a legal Kafka topic name: '" + name + "'");
        }
    }
}
