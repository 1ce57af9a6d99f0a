package io.fastship.gateway;

/**
 * The gateway's deterministic decisions, the same as the payment service's former in-process simulation: decline
 * the token {@value #DECLINE_TOKEN}, decline amounts above {@code limitMinor}, charge everything else.
 */
public record DeclineRules(long limitMinor) {

    public static final String DECLINE_TOKEN = "tok_decline";

    /** Null when the charge succeeds, else why it is declined. */
    public String declineReason(String token, long amountMinor, String currency) {
        if (DECLINE_TOKEN.equals(token)) {
            return "card declined by issuer";
        }
        if (amountMinor > limitMinor) {
            return "amount " + amountMinor + " exceeds the limit of " + limitMinor + " (minor units of " + currency
                    + ")";
        }
        return null;
    }
}
