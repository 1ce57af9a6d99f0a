package io.fastship.registry;

import java.util.ArrayList;
import java.util.List;

/** A schemas "topic" in a list: appends are decoded and applied at once, as the Kafka reader would. */
final class InMemorySchemaLog implements SchemaLog {

    /** One appended record. */
    record Appended(String key, String value) {
    }

    private final LogCodec codec;
    private final RegistryState state;
    final List<Appended> records = new ArrayList<>();

    InMemorySchemaLog(LogCodec codec, RegistryState state) {
        this.codec = codec;
        this.state = state;
    }

    @Override
    public void append(String key, String value) {
        records.add(new Appended(key, value));
        codec.decode(key, value).ifPresent(state::apply);
    }

    /** Replays everything appended so far into a fresh state, as a restarted registry would. */
    RegistryState replay() {
        RegistryState fresh = new RegistryState();
        records.forEach(r -> codec.decode(r.key(), r.value()).ifPresent(fresh::apply));
        return fresh;
    }
}
