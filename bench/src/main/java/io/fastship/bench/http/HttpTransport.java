package io.fastship.bench.http;

/** Sends a ready-made HTTP/1.1 request and calls back once with its answer or its failure. */
public interface HttpTransport {

    /** Receives the outcome of one request, on the transport's own thread: keep it short. */
    interface Callback {
        void answered(int status, byte[] body, long sentNanos, long answeredNanos);

        void failed(Throwable error, long answeredNanos);
    }

    /** Queues {@code request}; never blocks the caller on the network. */
    void send(byte[] request, Callback callback);
}
