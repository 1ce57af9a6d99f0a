package io.fastship.inspector.groups;

/** A partition assigned to a group member. */
public record Assigned(String topic, int partition) {
}
