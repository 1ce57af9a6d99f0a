package io.fastship.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.fastship.bench.cpu.CpuSnapshot;
import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.flow.FinalStatuses;
import io.fastship.bench.flow.TopicTail;
import io.fastship.bench.intake.OrderRequests;
import io.fastship.bench.load.LoadResult;
import io.fastship.bench.phase.BaselineRunner;
import io.fastship.bench.phase.HalfLoadRunner;
import io.fastship.bench.phase.OrderFlow;
import io.fastship.bench.phase.PhaseContext;
import io.fastship.bench.phase.ScalingRunner;
import io.fastship.bench.phase.SearchRunner;
import io.fastship.bench.phase.SoakRunner;
import io.fastship.bench.progress.Progress;
import io.fastship.bench.report.BaselinePhase;
import io.fastship.bench.report.BenchReport;
import io.fastship.bench.report.CeilingPhase;
import io.fastship.bench.report.CpuSummary;
import io.fastship.bench.report.EndToEndPhase;
import io.fastship.bench.report.HalfLoadPhase;
import io.fastship.bench.report.IntakePhase;
import io.fastship.bench.report.MachineInfo;
import io.fastship.bench.report.ScalingPhase;
import io.fastship.bench.report.SearchPhase;
import io.fastship.bench.report.SoakPhase;
import io.fastship.bench.stack.BenchCredentials;
import io.fastship.bench.stack.ExternalStack;
import io.fastship.bench.stack.OwnedStack;
import io.fastship.bench.stack.OwnedStackEnv;
import io.fastship.bench.stack.StackDirectories;
import io.fastship.bench.stack.StackClients;
import io.fastship.bench.stack.StackHandle;
import io.fastship.bench.stack.StockSeeder;
import io.fastship.bench.stats.Rates;
import io.fastship.bench.timeline.Sample;
import io.fastship.bench.timeline.Timeline;
import io.fastship.events.OrderStatusChanged;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;

/**
 * One benchmark run, phase by phase: warm-up, baseline, HTTP ceiling, intake, the sustainable-rate search, half
 * load (end to end, CPU, broker writes), memory, payment scaling; or, with {@code --soak}, warm-up and the soak.
 * A stack the bench starts for the scaling phase is a second one, because the gateway latency is fixed per
 * service process and the first phases measure the flow without it.
 */
final class BenchRun {

    private static final int CATALOG_SKUS = 100;
    private static final String CEILING_PATH = "/health/live";

    private final BenchSettings settings;
    private final Progress progress;
    private final OrderRequests requests = new OrderRequests(CATALOG_SKUS, UUID.randomUUID().toString().substring(0, 8));
    private final List<String> notes = new ArrayList<>();
    private final List<BenchReport.MemorySnapshot> memory = new ArrayList<>();
    private BaselinePhase baseline;
    private CeilingPhase ceiling;
    private IntakePhase intake;
    private EndToEndPhase intakeEndToEnd;
    private SearchPhase search;
    private HalfLoadPhase halfLoad;
    private SoakPhase soak;
    private ScalingPhase scaling;
    private List<Sample> timeline = List.of();

    BenchRun(BenchSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    BenchReport run() throws Exception {
        long started = System.nanoTime();
        String startedAt = Instant.now().toString();
        String description;
        try (StackHandle stack = mainStack()) {
            description = stack.description();
            try (KafkaClients clients = StackClients.reader(stack); Admin admin = clients.admin()) {
                seedIfAsked(stack, expectedOrders());
                FinalStatuses finals = new FinalStatuses();
                try (TopicTail<OrderStatusChanged> tail = TopicTail.start(clients,
                        Topics.ORDER_STATUS.inNamespace(stack.topicNamespace()), finals);
                     OrderFlow flow = new OrderFlow(stack.orderServiceUrl(), requests, settings.apiKey(),
                             Math.max(settings.concurrency(), settings.load().maxConnections()), finals, progress);
                     Timeline samples = new Timeline(admin, new Timeline.Sources(flow::accepted, finals::count,
                             stack::pids, stack::serviceUrls), settings.soak().enabled()
                             ? settings.soak().sampleInterval() : Duration.ofSeconds(1))) {
                    PhaseContext context = new PhaseContext(stack, admin, flow, samples, progress,
                            settings.finalTimeout());
                    warmUp(context);
                    if (settings.soak().enabled()) {
                        soak = new SoakRunner(context, settings.soak()).run(settings.orders());
                    } else {
                        if (!settings.skipBaseline() && stack.credentials().mayRunBaseline()) {
                            baseline = BaselineRunner.run(stack, clients, settings.baselineRecords(),
                                    requests.runId(), progress);
                        } else if (!settings.skipBaseline()) {
                            notes.add("baseline skipped: this secure stack's fastship-bench principal is unknown "
                                    + "(give --stack-dir), and the tools principal may not write");
                        }
                        mainPhases(context);
                        memory.add(new BenchReport.MemorySnapshot("after the load phases", stack.memory()));
                        if (!settings.skipScaling() && !settings.ownsStack()) {
                            scaleExisting(context, clients);
                        }
                    }
                    tail.checkHealthy();
                    timeline = samples.samples();
                }
            }
        }
        if (!settings.skipScaling() && settings.ownsStack() && !settings.soak().enabled()) {
            scaleOwn();
        }
        return report(startedAt, description, (System.nanoTime() - started) / 1e9);
    }

    private void warmUp(PhaseContext context) throws InterruptedException {
        if (settings.warmupOrders() > 0) {
            context.timeline().phase("warm-up");
            progress.note("Warm-up: " + settings.warmupOrders() + " orders");
            OrderFlow.Placed warm = context.flow().placeClosed("warm-up", settings.warmupOrders(),
                    settings.concurrency());
            context.flow().awaitFinals("warm-up final", warm.dueNanos().keySet(), settings.finalTimeout());
        }
    }

    private void mainPhases(PhaseContext context) throws InterruptedException {
        context.timeline().phase("ceiling");
        progress.note("HTTP ceiling: GET " + CEILING_PATH + " at concurrency " + settings.concurrency() + " for "
                + settings.load().ceilingDuration().toSeconds() + " s");
        LoadResult ceilingLoad = context.flow().ceiling(CEILING_PATH, settings.load().ceilingDuration(),
                settings.concurrency());
        ceiling = new CeilingPhase(CEILING_PATH, settings.concurrency(), ceilingLoad);

        context.timeline().phase("intake");
        progress.note("Intake: " + settings.orders() + " orders at concurrency " + settings.concurrency());
        CpuSnapshot before = context.cpu();
        OrderFlow.Placed placed = context.flow().placeClosed("intake", settings.orders(), settings.concurrency());
        context.flow().awaitFinals("end to end", placed.dueNanos().keySet(), settings.finalTimeout());
        CpuTable cpu = CpuTable.between(before, context.cpu(), placed.load().accepted());
        intake = intakePhase(placed.load(), cpu);
        intakeEndToEnd = EndToEndPhase.of(placed.dueNanos(), context.flow().finals().snapshot(),
                context.flow().finals().duplicates());

        if (settings.load().skipSearch()) {
            notes.add("search and half load skipped (--skip-search)");
            return;
        }
        context.timeline().phase("search");
        search = new SearchRunner(context, settings.load()).run();
        double rate = search.sustainableOrdersPerSecond() / 2;
        if (rate <= 0) {
            rate = settings.load().startRate() / 2;
            notes.add(String.format(Locale.ROOT, "no rate held in the search; half load ran at half the start "
                    + "rate, %.0f orders/s", rate));
        }
        halfLoad = new HalfLoadRunner(context, settings.load()).run(rate);
        long followUps = context.flow().finals().followUps();
        if (followUps > 0) {
            notes.add(followUps + " cancelled orders were announced CANCELLED once more, each carrying an outcome that"
                    + " arrived after the cancellation, for compensation (not counted as duplicates)");
        }
    }

    private void scaleExisting(PhaseContext context, KafkaClients clients) throws Exception {
        if (context.stack().canScale()) {
            notes.add("scaling ran on the existing stack with its own gateway latency;"
                    + " --gateway-latency-ms applies only to a stack the bench starts");
            context.timeline().phase("scaling");
            scaling = ScalingRunner.run(context, clients, settings.scalingSteps(), settings.scalingOrders(),
                    settings.concurrency(), -1);
            memory.add(new BenchReport.MemorySnapshot("after scaling", context.stack().memory()));
        } else {
            notes.add("scaling skipped: an existing stack can be scaled only with --stack-dir");
        }
    }

    private void scaleOwn() throws Exception {
        try (StackHandle stack = scalingStack(); KafkaClients clients = StackClients.reader(stack); Admin admin = clients.admin();
             OrderFlow flow = new OrderFlow(stack.orderServiceUrl(), requests, settings.apiKey(),
                     settings.concurrency(), new FinalStatuses(), progress);
             Timeline samples = new Timeline(admin, new Timeline.Sources(flow::accepted, () -> 0, Map::of, Map::of),
                     Duration.ofSeconds(5))) {
            seedIfAsked(stack, scalingOrdersTotal());
            PhaseContext context = new PhaseContext(stack, admin, flow, samples, progress, settings.finalTimeout());
            scaling = ScalingRunner.run(context, clients, settings.scalingSteps(), settings.scalingOrders(),
                    settings.concurrency(), settings.gatewayLatencyMs());
            memory.add(new BenchReport.MemorySnapshot("scaling stack, at the end", stack.memory()));
        }
    }

    private BenchReport report(String startedAt, String description, double seconds) {
        double ceilingRate = ceiling == null ? 0 : ceiling.requestsPerSec();
        double ratio = intake == null ? 0 : Rates.ratio(intake.ordersPerSec(), ceilingRate);
        CpuSummary cpu = halfLoad != null ? CpuSummary.of(HalfLoadRunner.PHASE, halfLoad.cpu())
                : soak != null ? CpuSummary.of(SoakRunner.PHASE, soak.cpu())
                : intake != null ? CpuSummary.of("intake", intake.cpu()) : null;
        return new BenchReport(startedAt, MachineInfo.current(), description, settings.orders(),
                settings.concurrency(), baseline, ceiling, ceilingRate, intake, ratio, intakeEndToEnd, search,
                search == null ? 0 : search.sustainableOrdersPerSecond(), halfLoad,
                halfLoad == null ? null : halfLoad.endToEnd(), cpu, soak, scaling, memory, timeline, notes, seconds);
    }

    private StackHandle mainStack() {
        return settings.existing().<StackHandle>map(e -> new ExternalStack(e.bootstrapServers(), e.schemaRegistryUrl(),
                e.orderServiceUrl(), e.topicNamespace(), e.stackDir(), e.brokerPid(), e.pids(),
                BenchCredentials.resolve(e.commandConfig(), e.stackDir()))).orElseGet(() -> {
                    Map<String, String> env = OwnedStackEnv.main(settings.serviceEnv(), settings.soak().enabled(),
                            settings.soak().stateRetention());
                    return startStack("main", env, 1, "local " + (settings.secure() ? "secure " : "")
                            + "stack started by the bench: 1 order, 1 payment, "
                            + "1 inventory instance, " + settings.partitions() + " partitions, "
                            + OwnedStackEnv.describe(env) + tuning());
                });
    }

    private StackHandle scalingStack() {
        return startStack("scaling", OwnedStackEnv.scaling(settings.serviceEnv(), settings.gatewayLatencyMs()), 0,
                "scaling");
    }

    private String tuning() {
        return settings.serviceEnv().isEmpty() ? "" : ", service env " + new java.util.TreeMap<>(settings.serviceEnv());
    }

    private StackHandle startStack(String name, Map<String, String> env, int paymentInstances, String description) {
        progress.note("Starting a local stack (" + name + ") on free ports: broker, registry, services...");
        Map<ServiceKind, Integer> instances = Map.of(ServiceKind.ORDER, 1, ServiceKind.PAYMENT, paymentInstances,
                ServiceKind.INVENTORY, 1);
        LocalStackOptions options = new LocalStackOptions(settings.repositoryRoot(),
                StackDirectories.fresh(settings.dataDir().resolve(name)), false, settings.partitions(), instances, env,
                java.util.Optional.empty(), CATALOG_SKUS, units(expectedOrders() + scalingOrdersTotal()))
                .withSecure(settings.secure());
        long started = System.nanoTime();
        OwnedStack stack = OwnedStack.start(options, description);
        progress.note(String.format(Locale.ROOT, "Stack (%s) up in %.1f s; logs in %s", name,
                (System.nanoTime() - started) / 1e9, options.dataDir().resolve("logs")));
        return stack;
    }

    /** At most how many orders the main stack takes: the search may try up to --max-steps rates of --max-rate. */
    private long expectedOrders() {
        long base = settings.warmupOrders() + settings.orders() + (settings.ownsStack() ? 0 : scalingOrdersTotal());
        if (settings.soak().enabled() || settings.load().skipSearch()) {
            return base;
        }
        double window = settings.load().window().toMillis() / 1000.0;
        return base + (long) (settings.load().maxRate() * window * (settings.load().maxSteps() + 1));
    }

    private long units(long orders) {
        return 2 * requests.unitsPerSku(orders) + 1000;
    }

    private long scalingOrdersTotal() {
        return settings.skipScaling() ? 0 : settings.scalingOrders() * settings.scalingSteps().size();
    }

    private void seedIfAsked(StackHandle stack, long orders) throws Exception {
        if (settings.seedStock()) {
            long units = units(orders);
            StockSeeder.set(stack, CATALOG_SKUS, units);
            progress.note("Stock of " + OrderRequests.sku(1) + ".." + OrderRequests.sku(CATALOG_SKUS) + " set to "
                    + units + " units");
        }
    }

    private IntakePhase intakePhase(LoadResult result, CpuTable cpu) {
        double ratio = baseline == null ? 0 : Rates.ratio(result.acceptedPerSec(), baseline.result().recordsPerSec());
        if (result.accepted() < result.sent()) {
            progress.note("intake: " + (result.sent() - result.accepted()) + " of " + result.sent()
                    + " not accepted; first: " + result.firstFailure());
        }
        return new IntakePhase(settings.concurrency(), result.sent(), result.accepted(), result.rejected(),
                result.failed(), result.firstFailure(), result.seconds(), result.acceptedPerSec(),
                result.serviceTime(), ratio, cpu);
    }
}
