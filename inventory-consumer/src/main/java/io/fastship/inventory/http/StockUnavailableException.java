package io.fastship.inventory.http;

/** The stock state cannot be read right now (rebalance, restoring, owner unreachable); worth retrying. */
public final class StockUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StockUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StockUnavailableException(String message) {
        super(message);
    }
}
