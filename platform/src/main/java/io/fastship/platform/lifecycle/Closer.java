package io.fastship.platform.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what a service started, in reverse order of start, once. Every component is closed even when an
 * earlier one fails; the first failure is rethrown with the later ones suppressed.
 */
public final class Closer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Closer.class);

    private final Deque<Named> started = new ArrayDeque<>();
    private boolean closed;

    private record Named(String name, AutoCloseable component) {
    }

    /** Registers a component that has just started; returns it for fluent wiring. */
    public synchronized <T extends AutoCloseable> T register(String name, T component) {
        if (closed) {
            throw new IllegalStateException("already closed; cannot register " + name);
        }
        started.push(new Named(name, component));
        return component;
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        Exception first = null;
        while (!started.isEmpty()) {
            Named next = started.pop();
            try {
                next.component().close();
                log.debug("Closed {}", next.name());
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", next.name(), e.toString());
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Registers one JVM shutdown hook (SIGTERM, Ctrl-C) that closes everything registered here. */
    public Closer closeOnShutdown(String serviceName) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down {}", serviceName);
            try {
                close();
            } catch (Exception e) {
                log.error("Shutdown of {} was not clean", serviceName, e);
            }
        }, serviceName + "-shutdown"));
        return this;
    }
}
