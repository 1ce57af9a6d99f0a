package io.fastship.registry;

/** A decoded record of the schemas topic: the only way the registry's state ever changes. */
sealed interface LogEntry {

    /** A version was registered (or rewritten, e.g. with {@code deleted=true}). */
    record SchemaUpserted(SchemaVersion version) implements LogEntry {
    }

    /** A tombstone for one version's key: the version is gone for good. */
    record SchemaRemoved(String subject, int version) implements LogEntry {
    }

    /** A compatibility level for one subject, or the global one when {@code subject} is null. */
    record ConfigSet(String subject, CompatibilityLevel level) implements LogEntry {
    }

    /** The subject's (or global, when null) level was cleared. */
    record ConfigRemoved(String subject) implements LogEntry {
    }

    /** Every version of the subject up to {@code version} is soft-deleted. */
    record SubjectDeleted(String subject, int version) implements LogEntry {
    }
}
