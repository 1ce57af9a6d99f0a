package io.fastship.inventory;

import java.util.Map;

import io.fastship.schemas.EventTopics;
import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.Topics;

/** The inventory topics of a namespace as the service resolves them, over an in-memory registry. */
final class InventoryTestTopics {

    private InventoryTestTopics() {
    }

    static InventoryTopics in(String namespace) {
        EventTopics events = EventTopics.resolve(namespace, TopicSettings.DEFAULT_PARTITIONS, new InMemoryRegistry(),
                Map.of("schema.registry.url", "http://registry.invalid"));
        return new InventoryTopics(Topics.inNamespace(namespace, InventoryConfig.SERVICE_ID), events);
    }
}
