package io.fastship.chaos.report;

/**
 * One line of the audit table: what happened to the orders accepted in one fault window.
 *
 * @param watched   orders of the window a client watched as customers do
 * @param toldUncommitted what those clients were told and order-status never committed (or a final not the committed one)
 * @param timeouts  orders of the window cancelled for {@code timeout}, rightly (an outcome missing) or not
 * @param recoverMs from the fault to the first order after which every order finished as fast as before it; -1 if
 *                  the window never got back there, 0 for the baseline or an order flow the fault did not slow
 */
public record WindowRow(String window, long accepted, long finals, long lost, long duplicated, long chargeMismatches,
                        long stockDrift, long deadLetters, long unexpectedDeadLetters, long otherViolations,
                        long watched, long toldUncommitted, long timeouts, long recoverMs) {

    public long violations() {
        return lost + duplicated + chargeMismatches + unexpectedDeadLetters + otherViolations + toldUncommitted
                + (stockDrift > 0 ? 1 : 0);
    }
}
