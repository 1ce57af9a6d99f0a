package io.fastship.platform.runtime;

import java.util.function.Function;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every service: parse the config from the environment (exit 2 with one line naming the
 * variable), start (exit 1 if that fails), close on SIGTERM through one shutdown hook.
 */
public final class ServiceMain {

    private static final Logger log = LoggerFactory.getLogger(ServiceMain.class);

    /** Starts a service from its parsed config; the result is closed on shutdown. */
    @FunctionalInterface
    public interface Launcher<C> {
        AutoCloseable start(C config, Tracing tracing, FatalExit exit);
    }

    private ServiceMain() {
    }

    public static <C> void run(String serviceId, Function<Env, C> parse, Launcher<C> launcher) {
        C config;
        Tracing tracing;
        try {
            config = parse.apply(Env.system());
            tracing = Tracing.fromEnv(Env.system(), serviceId);
        } catch (ConfigException e) {
            // Before anything started: one line naming the variable, and the conventional exit code.
            System.err.println(serviceId + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Closer closer = new Closer();
        try {
            closer.register(serviceId, launcher.start(config, tracing, FatalExit.SYSTEM));
        } catch (RuntimeException e) {
            log.error("{} failed to start", serviceId, e);
            System.exit(1);
            return;
        }
        closer.closeOnShutdown(serviceId);
    }
}
