package io.fastship.gateway;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.fastship.platform.http.Health;
import io.fastship.platform.http.ServiceHttpServer;
import io.fastship.platform.http.ServiceMetrics;
import io.fastship.platform.lifecycle.Closer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulated payment gateway running: its ledger and its HTTP API; closing stops HTTP, then the ledger. */
public final class GatewayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
    public static final String SERVICE_ID = "payment-gateway";

    private final Closer closer;
    private final ServiceHttpServer http;
    private final Ledger ledger;

    private GatewayServer(Closer closer, ServiceHttpServer http, Ledger ledger) {
        this.closer = closer;
        this.http = http;
        this.ledger = ledger;
    }

    public static GatewayServer start(GatewaySettings settings) {
        Closer closer = new Closer();
        try {
            ServiceMetrics metrics = closer.register("metrics", new ServiceMetrics(SERVICE_ID));
            Ledger ledger = closer.register("ledger", new Ledger(new DeclineRules(settings.limitMinor()),
                    settings.dataDir().map(LedgerFile::in).orElseGet(LedgerFile::none)));
            FailureInjector failures = new FailureInjector(settings.failureRate(), settings.failureKinds(),
                    () -> ThreadLocalRandom.current().nextDouble());
            GatewayRoutes routes = new GatewayRoutes(ledger, failures, settings.latency(), settings.hold(),
                    new GatewayStats(metrics.registry()));
            ServiceHttpServer http = closer.register("http", ServiceHttpServer.start(SERVICE_ID, settings.host(),
                    settings.port(), metrics, Map.of("ledger", () -> Health.up(ledger.totals().charges()
                            + " charge(s)")), () -> Health.up("serving"), routes::register));
            log.info("Payment gateway on port {}: latency {}, failure rate {} {}, ledger {}", http.port(),
                    settings.latency(), settings.failureRate(), settings.failureKinds(),
                    settings.dataDir().map(Object::toString).orElse("in memory"));
            return new GatewayServer(closer, http, ledger);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
