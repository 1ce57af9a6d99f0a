package io.fastship.payment.gateway;

/**
 * The simulated gateway's deterministic decisions: decline the token {@value #DECLINE_TOKEN}, decline amounts
 * above {@code limitMinor}, authorize everything else.
 */
public record SimulationRules(long limitMinor) {

    public static final String DECLINE_TOKEN = "tok_decline";

    public SimulationRules {
        if (limitMinor < 0) {
            throw new IllegalArgumentException("limitMinor must be >= 0, was " + limitMinor);
        }
    }

    /** Null when the charge is to be authorized, else why it is declined. */
    public String declineReason(Charge charge) {
        if (DECLINE_TOKEN.equals(charge.paymentToken())) {
            return "card declined by issuer";
        }
        if (charge.amountMinor() > limitMinor) {
            return "amount " + charge.amountMinor() + " exceeds the limit of " + limitMinor + " (minor units of "
                    + charge.currency() + ")";
        }
        return null;
    }
}
