package io.fastship.chaos.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs every check over one input; knows no service code, only the events and what the scenario recorded. */
public final class Auditor {

    /** How long before a timeout cancellation an outcome must have been decided to count as already there. */
    public static final Duration DEFAULT_TIMEOUT_GRACE = Duration.ofSeconds(1);

    private final List<Check> checks;

    public Auditor(Duration timeoutGrace) {
        this.checks = List.of(new StatusCheck(), new OutcomeCheck(), new LedgerCheck(), new StockCheck(),
                new DeadLetterCheck(), new TimeoutCheck(timeoutGrace));
    }

    /** Key prefix of poison written on purpose; the auditor expects such keys on the dead-letter topics. */
    public static final String POISON_PREFIX = DeadLetterCheck.POISON_PREFIX;

    public Auditor() {
        this(DEFAULT_TIMEOUT_GRACE);
    }

    public AuditResult audit(AuditInput input) {
        Finals finals = new Finals(input.evidence().statuses());
        List<Violation> violations = new ArrayList<>();
        for (Check check : checks) {
            violations.addAll(check.check(input, finals));
        }
        return new AuditResult(input, finals, violations);
    }
}
