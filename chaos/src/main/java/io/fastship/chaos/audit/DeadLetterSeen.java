package io.fastship.chaos.audit;

import java.time.Instant;

/** One record on a dead-letter topic: which topic, its original key and the reason the service gave. */
public record DeadLetterSeen(String topic, String key, String sourceTopic, String reason, Instant at) {
}
