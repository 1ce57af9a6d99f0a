package io.fastship.bench.load;

/** Hears each expected answer of a load run with the moment its request was due; runs on the client's thread. */
@FunctionalInterface
public interface AnswerListener {

    AnswerListener NONE = (seq, dueNanos, body) -> true;

    /** Returns false when the answer is unusable after all (counted as a failure). */
    boolean accepted(long seq, long dueNanos, byte[] body);
}
