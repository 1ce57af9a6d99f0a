package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dead-letter topics hold the injected poison and nothing else, and every poison record reached one. A key
 * with the poison prefix is expected even from an earlier run on the same cluster: real order ids never have it.
 */
final class DeadLetterCheck implements Check {

    /** Key prefix of every poison record the scenario writes; dead letters keep the original key. */
    static final String POISON_PREFIX = "chaos-poison-";

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        Set<String> accepted = new HashSet<>();
        input.accepted().forEach(order -> accepted.add(order.orderId()));
        Set<String> poisonSeen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (DeadLetterSeen letter : input.evidence().deadLetters()) {
            if (letter.key() != null && (input.poisonKeys().contains(letter.key())
                    || letter.key().startsWith(POISON_PREFIX))) {
                poisonSeen.add(letter.key());
                continue;
            }
            String orderId = letter.key() != null && accepted.contains(letter.key()) ? letter.key() : null;
            violations.add(new Violation(Guarantee.DEAD_LETTERS_ONLY_POISON, orderId,
                    letter.topic() + " key " + letter.key(), "dead-lettered from " + letter.sourceTopic() + ": "
                    + letter.reason(), 0, 0));
        }
        for (String poison : input.poisonKeys()) {
            if (!poisonSeen.contains(poison)) {
                violations.add(new Violation(Guarantee.POISON_DEAD_LETTERED, null, poison,
                        "injected on orders but on no dead-letter topic", 0, 0));
            }
        }
        return violations;
    }
}
