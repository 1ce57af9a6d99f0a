package io.fastship.chaos.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs every check over one input; knows no service code, only the events and what the scenario recorded. */
public final class Auditor {

    /** How long before an order's deadline an outcome must have reached its topic to count as there in time. */
    public static final Duration DEFAULT_TIMEOUT_GRACE = Duration.ofSeconds(1);
    /** The order service's default {@code ORDER_DEADLINE}. */
    public static final Duration DEFAULT_ORDER_DEADLINE = Duration.ofSeconds(30);

    private final List<Check> checks;

    /**
     * @param timeoutGrace  the clock tolerance of the timeout check
     * @param orderDeadline the {@code ORDER_DEADLINE} of the stack under audit
     */
    public Auditor(Duration timeoutGrace, Duration orderDeadline) {
        this.checks = List.of(new StatusCheck(), new OutcomeCheck(), new LedgerCheck(), new StockCheck(),
                new DeadLetterCheck(), new TimeoutCheck(timeoutGrace, orderDeadline), new ClientsCheck());
    }

    public Auditor(Duration timeoutGrace) {
        this(timeoutGrace, DEFAULT_ORDER_DEADLINE);
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
