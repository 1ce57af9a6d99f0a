package io.fastship.gateway;

/**
 * One charge as the gateway keeps and returns it (also the JSON of {@code POST /charges} and
 * {@code GET /charges?idempotencyKey=}).
 *
 * @param status SUCCEEDED, DECLINED or REFUNDED
 */
public record ChargeRecord(String chargeId, String idempotencyKey, String orderId, long amountMinor, String currency,
                           String status, String declineReason, String refundId) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String DECLINED = "DECLINED";
    public static final String REFUNDED = "REFUNDED";

    ChargeRecord refunded(String newRefundId) {
        return new ChargeRecord(chargeId, idempotencyKey, orderId, amountMinor, currency, REFUNDED, declineReason,
                newRefundId);
    }
}
