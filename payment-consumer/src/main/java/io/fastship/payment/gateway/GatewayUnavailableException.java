package io.fastship.payment.gateway;

/**
 * The gateway gave no answer now; the same call may succeed later. {@link #uncertain()} tells whether the call
 * may have taken effect (a timeout, a dropped connection, a 5xx: the charge may exist) or certainly did not
 * (refused before it was acted on): only the first needs a lookup before anything is decided.
 */
public class GatewayUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean uncertain;

    public GatewayUnavailableException(String message, boolean uncertain) {
        super(message);
        this.uncertain = uncertain;
    }

    public GatewayUnavailableException(String message, Throwable cause, boolean uncertain) {
        super(message, cause);
        this.uncertain = uncertain;
    }

    /** True when the call may have been carried out although no answer came. */
    public boolean uncertain() {
        return uncertain;
    }
}
