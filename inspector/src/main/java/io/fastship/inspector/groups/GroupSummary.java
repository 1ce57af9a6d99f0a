package io.fastship.inspector.groups;

/** One line of {@code groups}. */
public record GroupSummary(String group, String type, String protocol, String state, Integer members, Long totalLag) {
}
