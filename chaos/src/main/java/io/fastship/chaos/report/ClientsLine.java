package io.fastship.chaos.report;

/**
 * What the watching clients saw, for the report's one line about them.
 *
 * @param watched     orders a client watched
 * @param sawFinal    of those, how many the client was told a final status of
 * @param told        statuses told in all, PENDING and repeats after a reconnect included
 * @param uncommitted violations of {@code CLIENTS_SAW_COMMITTED}: told and never committed, or a final not the committed one
 */
public record ClientsLine(long watched, long sawFinal, long told, long uncommitted) {

    public String describe() {
        return "clients watched %d orders (%d told their final), were told %d statuses, %d uncommitted"
                .formatted(watched, sawFinal, told, uncommitted);
    }
}
