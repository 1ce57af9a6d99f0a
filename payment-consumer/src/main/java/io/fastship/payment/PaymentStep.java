package io.fastship.payment;

/** What handling one record came to: done (its outputs are staged), or waiting for an answer the gateway owes. */
enum PaymentStep {
    DONE,
    /** The gateway could not say what happened yet: the record and the rest of its task go to a later batch. */
    WAIT
}
