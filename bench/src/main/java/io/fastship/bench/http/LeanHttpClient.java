package io.fastship.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small non-blocking HTTP/1.1 client for one server: up to {@code maxConnections} keep-alive connections, one
 * request in flight on each, all driven by a single selector thread. Requests beyond the free connections wait
 * in a queue (their time there counts in an open-loop measurement). It exists because java.net.http took a
 * third of a core at a few hundred requests per second on the machine it was meant to measure.
 */
public final class LeanHttpClient implements HttpTransport, AutoCloseable {

    private static final long TIMEOUT_CHECK_NANOS = 100_000_000L;

    private final InetSocketAddress address;
    private final int maxConnections;
    private final long timeoutNanos;
    private final Selector selector;
    private final Queue<Connection.Pending> submitted = new ConcurrentLinkedQueue<>();
    private final Queue<Connection.Pending> waiting = new ArrayDeque<>();
    private final List<Connection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;
    private long lastTimeoutCheck;

    public LeanHttpClient(InetSocketAddress address, int maxConnections, Duration timeout) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        this.address = address;
        this.maxConnections = maxConnections;
        this.timeoutNanos = timeout.toNanos();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::loop, "bench-lean-http");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** For {@code http://host:port[/...]}. */
    public static LeanHttpClient to(String baseUrl, int maxConnections, Duration timeout) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        return new LeanHttpClient(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()),
                maxConnections, timeout);
    }

    /** {@code host:port} for the Host header. */
    public String hostPort() {
        return address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void send(byte[] request, Callback callback) {
        if (closed) {
            callback.failed(new IllegalStateException("client closed"), System.nanoTime());
            return;
        }
        outstanding.incrementAndGet();
        submitted.add(new Connection.Pending(request, callback));
        selector.wakeup();
    }

    /** Requests sent or queued and not yet answered. */
    public int outstanding() {
        return outstanding.get();
    }

    /** CPU time the selector thread used so far, in nanoseconds (-1 if the JVM cannot tell). */
    public long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.getId()) : -1;
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select(50);
                long now = System.nanoTime();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key, (Connection) key.attachment(), now);
                }
                for (Connection.Pending pending; (pending = submitted.poll()) != null; ) {
                    waiting.add(pending);
                }
                dispatch(now);
                if (now - lastTimeoutCheck > TIMEOUT_CHECK_NANOS) {
                    lastTimeoutCheck = now;
                    expire(now);
                }
            }
        } catch (IOException | RuntimeException e) {
            failEverything(e);
        } finally {
            failEverything(new IllegalStateException("client closed"));
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void dispatch(long now) throws IOException {
        while (!waiting.isEmpty()) {
            Connection free = null;
            for (Connection c : connections) {
                if (c.idle()) {
                    free = c;
                    break;
                }
            }
            if (free == null) {
                long connecting = connections.stream().filter(c -> !c.connected).count();
                for (long n = connecting; n < waiting.size() && connections.size() < maxConnections; n++) {
                    open();
                }
                return;
            }
            free.start(waiting.poll(), now);
            write(free);
        }
    }

    private void open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Connection connection = new Connection(channel);
        connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
        connections.add(connection);
        if (channel.connect(address)) {
            connected(connection);
        }
    }

    private void connected(Connection connection) {
        connection.connected = true;
        connection.key.interestOps(SelectionKey.OP_READ);
    }

    private void handle(SelectionKey key, Connection connection, long now) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable() && connection.channel.finishConnect()) {
                connected(connection);
            }
            if (key.isValid() && key.isWritable()) {
                write(connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(connection, now);
            }
        } catch (IOException | RuntimeException e) {
            drop(connection, e, now);
        }
    }

    private void write(Connection connection) throws IOException {
        connection.channel.write(connection.out);
        connection.key.interestOps(connection.out.hasRemaining()
                ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Connection connection, long now) throws IOException {
        readBuffer.clear();
        int n = connection.channel.read(readBuffer);
        if (n < 0) {
            drop(connection, new IOException("server closed the connection"), now);
            return;
        }
        if (connection.current == null) {
            return;
        }
        readBuffer.flip();
        connection.append(readBuffer);
        HttpResponseParser.Response response = HttpResponseParser.parse(connection.in, connection.inLength);
        if (response == null) {
            return;
        }
        long sent = connection.sentNanos;
        Connection.Pending done = connection.finish();
        outstanding.decrementAndGet();
        if (!response.keepAlive()) {
            close(connection);
        }
        done.callback().answered(response.status(), response.body(), sent, System.nanoTime());
    }

    private void expire(long now) {
        for (Connection c : List.copyOf(connections)) {
            if (c.current != null && now - c.sentNanos > timeoutNanos) {
                drop(c, new TimeoutException("no answer within " + Duration.ofNanos(timeoutNanos)), now);
            }
        }
    }

    private void drop(Connection connection, Throwable error, long now) {
        close(connection);
        if (connection.current != null) {
            Connection.Pending lost = connection.finish();
            outstanding.decrementAndGet();
            lost.callback().failed(error, now);
        } else if (!connection.connected) {
            // Could not connect: the requests waiting for a connection would wait forever.
            failWaiting(error, now);
        }
    }

    private void close(Connection connection) {
        connections.remove(connection);
        connection.key.cancel();
        try {
            connection.channel.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    private void failWaiting(Throwable error, long now) {
        for (Connection.Pending pending; (pending = submitted.poll()) != null; ) {
            waiting.add(pending);
        }
        for (Connection.Pending pending; (pending = waiting.poll()) != null; ) {
            outstanding.decrementAndGet();
            pending.callback().failed(error, now);
        }
    }

    private void failEverything(Throwable error) {
        long now = System.nanoTime();
        for (Connection c : List.copyOf(connections)) {
            drop(c, error, now);
        }
        failWaiting(error, now);
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
