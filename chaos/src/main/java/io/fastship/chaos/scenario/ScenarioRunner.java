package io.fastship.chaos.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.fastship.chaos.audit.AuditInput;
import io.fastship.chaos.audit.AuditResult;
import io.fastship.chaos.audit.Auditor;
import io.fastship.chaos.audit.ClientsTold;
import io.fastship.chaos.http.GatewayLedger;
import io.fastship.chaos.http.InventoryStock;
import io.fastship.chaos.load.ClientWatcher;
import io.fastship.chaos.load.LoadGenerator;
import io.fastship.chaos.load.LoadResult;
import io.fastship.chaos.load.PoisonInjector;
import io.fastship.chaos.read.EvidenceReader;
import io.fastship.chaos.report.AuditReport;
import io.fastship.chaos.report.FaultWindow;
import io.fastship.chaos.report.ReportBuilder;
import io.fastship.localstack.fault.Fault;
import io.fastship.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario against a stack: injects the poison, places the load, fires each fault at its moment, waits for
 * the faults to end and the flow to settle, then audits. Settling is judged by the audit itself: it is repeated
 * until it passes or the settle time is up, so a compensation still on its way is not taken for a violation.
 */
public final class ScenarioRunner {

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final Duration AUDIT_EVERY = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Endpoints endpoints;
    private final FaultSink faults;

    public ScenarioRunner(Endpoints endpoints, FaultSink faults) {
        this.endpoints = endpoints;
        this.faults = faults;
    }

    public AuditReport run(Scenario scenario) {
        List<FaultAt> planned = runnable(scenario.faults());
        Instant start = Instant.now();
        List<FaultWindow> windows = new ArrayList<>(List.of(new FaultWindow("baseline", start)));
        String orders = Topics.ORDERS.inNamespace(scenario.namespace()).name();
        Set<String> poison = Set.copyOf(PoisonInjector.inject(endpoints.bootstrapServers(),
                endpoints.clientSettings(), orders, scenario.poison()));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
            Thread thread = new Thread(r, "chaos-faults");
            thread.setDaemon(true);
            return thread;
        });
        // The clients keep watching through the faults and the settling, until told a final status or the audit ends.
        try (ClientWatcher watcher = new ClientWatcher(endpoints.orderUrls(), scenario.load().watchEvery())) {
            LoadResult load;
            try {
                List<ScheduledFuture<?>> fired = new ArrayList<>();
                for (FaultAt fault : planned) {
                    fired.add(scheduler.schedule(() -> fire(fault, windows, orders), fault.at().toMillis(),
                            TimeUnit.MILLISECONDS));
                }
                load = new LoadGenerator(endpoints.orderUrls(), scenario.load(), watcher::accepted).run();
                for (ScheduledFuture<?> future : fired) {
                    future.get();
                }
                Duration faultsOver = planned.stream().map(FaultAt::endsAt).max(Duration::compareTo)
                        .orElse(Duration.ZERO);
                sleepUntil(start.plus(faultsOver));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a fault could not be fired: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                scheduler.shutdownNow();
            }
            AuditResult result = settleAndAudit(load, poison, scenario, watcher);
            return ReportBuilder.build(result, List.copyOf(windows), load.refusedCount());
        }
    }

    /** Audits the orders of a finished load, again and again until it passes or {@code settle} is up. */
    public AuditResult settleAndAudit(LoadResult load, Set<String> poison, Scenario scenario) {
        return settleAndAudit(load, poison, scenario, null);
    }

    /**
     * As {@link #settleAndAudit(LoadResult, Set, Scenario)}, judging also what the watching clients were told; a
     * passing audit counts as settled only once every watching client was told a final status (or settle is up).
     */
    public AuditResult settleAndAudit(LoadResult load, Set<String> poison, Scenario scenario, ClientWatcher watcher) {
        Auditor auditor = new Auditor(scenario.timeoutGrace(), scenario.orderDeadline());
        EvidenceReader reader = new EvidenceReader(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                scenario.namespace(), READ_TIMEOUT, endpoints.clientSettings());
        Instant deadline = Instant.now().plus(scenario.settle());
        while (true) {
            AuditResult result;
            // Counted, then snapshotted, then the topics read: a status rightly told was committed before the read,
            // and none unfinished at the count means the snapshot is all the clients will ever be told.
            int unfinished = watcher == null ? 0 : watcher.unfinished();
            ClientsTold told = watcher == null ? ClientsTold.NONE : watcher.told();
            try {
                result = auditor.audit(new AuditInput(reader.read(), load.accepted(), poison,
                        endpoints.gatewayUrl().map(GatewayLedger::new),
                        endpoints.inventoryUrl().map(InventoryStock::new), told));
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                log.info("Audit could not read everything yet ({}); trying again", e.getMessage());
                sleepUntil(Instant.now().plus(AUDIT_EVERY));
                continue;
            }
            if ((result.passed() && unfinished == 0) || Instant.now().isAfter(deadline)) {
                return result;
            }
            if (result.passed()) {
                log.info("Audit passes; waiting for {} watching clients to be told a final status", unfinished);
                sleepUntil(Instant.now().plus(AUDIT_EVERY));
                continue;
            }
            log.info("Not settled yet: {} violations, e.g. {}", result.violations().size(),
                    result.violations().get(0).describe());
            sleepUntil(Instant.now().plus(AUDIT_EVERY));
        }
    }

    private List<FaultAt> runnable(List<FaultAt> planned) {
        Set<String> targets = faults.targets();
        List<FaultAt> runnable = new ArrayList<>();
        for (FaultAt fault : planned) {
            boolean leader = fault.fault().target().equals(OrdersLeader.TARGET)
                    && targets.stream().anyMatch(t -> t.startsWith("broker-"));
            if (leader || targets.contains(fault.fault().target())) {
                runnable.add(fault);
            } else {
                log.warn("Skipping fault '{}': the stack has no process {} (it has {})", fault.label(),
                        fault.fault().target(), targets);
            }
        }
        return runnable;
    }

    private void fire(FaultAt fault, List<FaultWindow> windows, String ordersTopic) {
        Instant at = Instant.now();
        Fault resolved = OrdersLeader.resolve(fault.fault(), endpoints.bootstrapServers(), ordersTopic);
        String label = resolved.equals(fault.fault()) ? fault.label()
                : fault.label() + " (" + resolved.target() + ")";
        synchronized (windows) {
            windows.add(new FaultWindow(label, at));
        }
        log.info("Fault {}: {}", label, resolved.describe());
        faults.fire(resolved);
    }

    private static void sleepUntil(Instant when) {
        Optional.of(Duration.between(Instant.now(), when)).filter(d -> !d.isNegative()).ifPresent(d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }
}
