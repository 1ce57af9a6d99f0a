package io.fastship.chaos.audit;

import java.util.List;
import java.util.Set;

/** What the watching clients were told: the orders they watched and every status told, in order of arrival. */
public record ClientsTold(Set<String> watched, List<Told> told) {

    /** No client watched: a run with {@code --watch-every 0}, or evidence built without clients. */
    public static final ClientsTold NONE = new ClientsTold(Set.of(), List.of());

    public ClientsTold {
        watched = Set.copyOf(watched);
        told = List.copyOf(told);
    }

    /** Watched orders a client was told a final status of. */
    public long sawFinal() {
        return told.stream().filter(t -> isFinal(t.status())).map(Told::orderId).distinct().count();
    }

    /** CONFIRMED and CANCELLED, by their names as clients read them. */
    public static boolean isFinal(String status) {
        return status.equals("CONFIRMED") || status.equals("CANCELLED");
    }
}
