package io.fastship.bench.http;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/** One keep-alive connection of the {@link LeanHttpClient}: at most one request in flight, its bytes so far. */
final class Connection {

    /** A request waiting for, or being sent on, a connection. */
    record Pending(byte[] request, HttpTransport.Callback callback) {
    }

    final SocketChannel channel;
    SelectionKey key;
    boolean connected;
    Pending current;
    long sentNanos;
    ByteBuffer out;
    byte[] in = new byte[1024];
    int inLength;

    Connection(SocketChannel channel) {
        this.channel = channel;
    }

    boolean idle() {
        return connected && current == null;
    }

    void start(Pending pending, long now) {
        current = pending;
        sentNanos = now;
        out = ByteBuffer.wrap(pending.request());
        inLength = 0;
    }

    void append(ByteBuffer read) {
        int n = read.remaining();
        if (inLength + n > in.length) {
            in = Arrays.copyOf(in, Math.max(in.length * 2, inLength + n));
        }
        read.get(in, inLength, n);
        inLength += n;
    }

    /** Forgets the answered request; the connection is ready for the next one. */
    Pending finish() {
        Pending done = current;
        current = null;
        out = null;
        inLength = 0;
        return done;
    }
}
