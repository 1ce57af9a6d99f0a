package io.fastship.schemas;

import java.util.Currency;
import java.util.regex.Pattern;

/** The one check of a currency code that every event carrying money goes through: ISO 4217, three capitals. */
public final class CurrencyCodes {

    private static final Pattern THREE_CAPITALS = Pattern.compile("[A-Z]{3}");

    private CurrencyCodes() {
    }

    /** Three capital letters, the shape of an ISO 4217 code, whether or not such a currency exists. */
    public static boolean isWellFormed(String code) {
        return code != null && THREE_CAPITALS.matcher(code).matches();
    }

    /** A well-formed code that the JDK knows as an ISO 4217 currency. */
    public static boolean isIso4217(String code) {
        if (!isWellFormed(code)) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
