package io.fastship.inspector.output;

/** How commands print what they found. */
public enum OutputFormat {
    /** Fixed-width columns for people (and awk). */
    TABLE,
    /** One JSON document for programs. */
    JSON
}
